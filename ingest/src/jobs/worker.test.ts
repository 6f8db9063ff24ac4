import { describe, expect, it } from 'vitest';
import { JOB_TYPES } from './types.ts';
import { checkHandlers } from './worker.ts';

describe('checkHandlers', () => {
  it('accepts exactly one handler per job type', () => {
    const handlers = Object.fromEntries(JOB_TYPES.map((type) => [type, () => Promise.resolve()]));
    expect(() => { checkHandlers(handlers); }).not.toThrow();
    const { 'document.ocr': _missing, ...oneShort } = handlers;
    expect(() => { checkHandlers(oneShort); }).toThrow(/no handler for job type "document.ocr"/);
  });

  it.each([
    [{}, /no handler for job type "image.derivatives"/],
    [{ 'image.derivatives': 'not a function' }, /no handler for job type "image.derivatives"/],
    [{ 'image.derivatives': () => Promise.resolve(), 'audio.waveform': () => Promise.resolve() }, /"audio.waveform" is not a job type/],
  ])('refuses %o', (handlers, message) => {
    expect(() => { checkHandlers(handlers); }).toThrow(message);
  });
});
