import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHanRadicals, type HanRadicals } from './han-radicals.ts';

describe('loadHanRadicals (Debian unicode-data)', () => {
  let radicals: HanRadicals;
  beforeAll(async () => {
    radicals = await loadHanRadicals();
  });

  it.each([
    ['船 (boat)', '船', { radical: 137, radicalChar: '舟', residualStrokes: 5, totalStrokes: 11 }],
    ['一 (radical 1 itself)', '一', { radical: 1, radicalChar: '一', residualStrokes: 0, totalStrokes: 1 }],
    ['廟 (temple)', '廟', { radical: 53, radicalChar: '广', residualStrokes: 12, totalStrokes: 15 }],
    ['紅 (traditional radical 糸)', '紅', { radical: 120, radicalChar: '糸', simplifiedRadical: false }],
    ['红 (simplified radical 纟)', '红', { radical: 120, radicalChar: '纟', simplifiedRadical: true }],
  ])('%s', (_name, char, expected) => {
    expect(radicals.of(char)).toMatchObject(expected);
  });

  it('covers the unified ideographs and knows nothing of other text', () => {
    expect(radicals.size).toBeGreaterThan(90_000);
    expect(radicals.of('a')).toBeUndefined();
  });
});

describe('loadHanRadicals without the data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'disan-unihan-'));
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it('names the Debian package to install', async () => {
    await expect(loadHanRadicals(dir)).rejects.toThrow(/unicode-data/);
  });
});
