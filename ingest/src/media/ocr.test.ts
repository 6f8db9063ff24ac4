import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createOcrAdapter, tesseractLanguages, tidy } from './ocr.ts';

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

describe('tidy', () => {
  it('removes the spaces tesseract puts between Han characters, and blank lines, but keeps Latin spacing', () => {
    expect(tidy('關 帝 廟 中 秋 節\n\n  lễ hội   Ok Om Bok \n')).toBe('關帝廟中秋節\nlễ hội Ok Om Bok');
  });
});

describe('the tesseract adapter', () => {
  it('reads Khmer script with the Khmer model, even a single line that page layout analysis misses', async () => {
    const image = await sharp({ text: { text: '<span foreground="black">បុណ្យអកអំបុក</span>', font: 'Khmer OS 20', dpi: 300, rgba: true } })
      .flatten({ background: '#ffffff' })
      .extend({ top: 60, bottom: 60, left: 60, right: 60, background: '#ffffff' })
      .png()
      .toBuffer();
    const text = await createOcrAdapter().recognise(image, 'khm');
    expect(text).toContain('បុណ្យ');
  }, 30_000);

  it('fails with a reason when asked for a model that is not installed', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).png().toBuffer();
    await expect(createOcrAdapter().recognise(png, 'xyz')).rejects.toThrow(/OCR failed/);
  });
});
