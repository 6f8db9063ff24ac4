import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createOcrAdapter, tesseractLanguages } from './ocr.ts';

describe('tesseractLanguages', () => {
  it.each([
    [['vi'], 'vie'],
    [['km'], 'khm'],
    [['zh-Hans'], 'chi_sim'],
    [['zh-Hant'], 'chi_tra'],
    [['zh'], 'chi_sim+chi_tra'],
    [['km', 'vi'], 'khm+vie'],
    [['vi-VN'], 'vie'],
    [['cjm'], 'vie+eng'],
    [[], 'vie+eng'],
    [undefined, 'vie+eng'],
  ])('picks the models for %j: %s', (languages, models) => {
    expect(tesseractLanguages(languages)).toBe(models);
  });

  it('every model it can pick is installed', async () => {
    const { stdout } = await promisify(execFile)('tesseract', ['--list-langs']);
    for (const model of ['vie', 'khm', 'chi_sim', 'chi_tra', 'eng']) expect(stdout.split('\n')).toContain(model);
  });
});

describe('the tesseract adapter', () => {
  it('reads Khmer script with the Khmer model, even a single line that page layout analysis misses', async () => {
    const image = await sharp({ text: { text: '<span foreground="black">បុណ្យអកអំបុក</span>', font: 'Khmer OS 20', dpi: 300, rgba: true } })
      .flatten({ background: '#ffffff' })
      .extend({ top: 60, bottom: 60, left: 60, right: 60, background: '#ffffff' })
      .png()
      .toBuffer();
    const page = await createOcrAdapter().recognise(image, 'khm');
    expect(page.text).toContain('បុណ្យ');
    // The word's box lies inside the white margin tesseract was given, as fractions of the image.
    const [first] = page.lines.flat();
    expect(first).toMatchObject({ x: expect.any(Number) as unknown, y: expect.any(Number) as unknown });
    expect(first!.x).toBeGreaterThan(0);
    expect(first!.x + first!.w).toBeLessThan(1);
  }, 30_000);

  it('fails with a reason when asked for a model that is not installed', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).png().toBuffer();
    await expect(createOcrAdapter().recognise(png, 'xyz')).rejects.toThrow(/OCR failed/);
  });
});
