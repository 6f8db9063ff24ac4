import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHEET_COLUMNS } from './sheet.ts';

const samples = join(import.meta.dirname, '..', '..', 'media-samples');

describe('the metadata sheet documentation', () => {
  it.each(SHEET_COLUMNS.map((c) => c.name))('media-samples/README.md documents the %s column', (name) => {
    expect(readFileSync(join(samples, 'README.md'), 'utf8')).toContain(`| \`${name}\` |`);
  });

  it('the template has every column', () => {
    const header = readFileSync(join(samples, 'metadata-template.csv'), 'utf8').trim().split(',');
    for (const column of SHEET_COLUMNS) expect(header).toContain(column.name.replace('<lang>', 'vi'));
  });
});
