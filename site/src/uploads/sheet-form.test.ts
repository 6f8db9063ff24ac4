import { describe, expect, it } from 'vitest';
import { decodeSheet, encodeSheet } from './sheet-form.ts';

describe('the sheet between preview and confirmation', () => {
  it('comes back byte for byte, typed by its content', () => {
    const bytes = new TextEncoder().encode('file,title_vi\nảnh.jpg,Lễ hội\n');
    const back = decodeSheet(encodeSheet({ bytes, type: 'csv' }));
    expect(back?.type).toBe('csv');
    expect(Buffer.from(back?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(['', 'not base64!', '<script>'])('refuses %j', (field) => {
    expect(decodeSheet(field)).toBeNull();
  });
});
