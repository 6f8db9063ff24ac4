import { describe, expect, it } from 'vitest';
import { checkHandlers } from './worker.ts';

describe('checkHandlers', () => {
  it('accepts exactly one handler per job type', () => {
    expect(() => { checkHandlers({ 'image.derivatives': () => Promise.resolve() }); }).not.toThrow();
  });

  it.each([
    [{}, /no handler for job type "image.derivatives"/],
    [{ 'image.derivatives': 'not a function' }, /no handler for job type "image.derivatives"/],
    [{ 'image.derivatives': () => Promise.resolve(), 'audio.waveform': () => Promise.resolve() }, /"audio.waveform" is not a job type/],
  ])('refuses %o', (handlers, message) => {
    expect(() => { checkHandlers(handlers); }).toThrow(message);
  });
});
