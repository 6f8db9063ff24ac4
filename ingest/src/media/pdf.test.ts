import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsupportedMediaError } from '../errors.ts';
import { writeRawPdf } from '../../../tests/support/pdf-writer.ts';
import { createPdfAdapter, pdfDate } from './pdf.ts';

const REPORT = join(import.meta.dirname, '..', '..', '..', 'media-samples', 'khmer', 'bao-cao-bao-ton-ok-om-bok.pdf');
const pdf = createPdfAdapter();

async function allText(bytes: Uint8Array) {
  const opened = await pdf.open(bytes);
  try {
    const pages = [];
    for await (const page of opened.pages()) pages.push(page);
    return { facts: opened.facts, pages };
  } finally {
    await opened.close();
  }
}

describe('the pdfjs adapter', () => {
  it('reads page count, metadata and the text of each page with Vietnamese tones', async () => {
    const { facts, pages } = await allText(await readFile(REPORT));
    expect(facts).toMatchObject({ pageCount: 8, title: 'Báo cáo bảo tồn lễ hội Ok Om Bok', javascript: false });
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pages[1]!.text).toContain('dâng cốm dẹp, khoai lang');
  });

  it('leaves the caller its bytes (pdfjs detaches the array it is given)', async () => {
    const bytes = writeRawPdf([{ text: 'a b c' }]);
    await allText(bytes);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reports document JavaScript without running it', async () => {
    const { facts, pages } = await allText(writeRawPdf([{ text: 'Co kich ban' }], { javascript: 'app.alert(1)' }));
    expect(facts.javascript).toBe(true);
    expect(pages[0]!.text).toBe('Co kich ban');
  });

  it.each([
    ['password-protected', writeRawPdf([{ text: 'x' }], { userPassword: 'secret' }), /password-protected/],
    ['truncated', writeRawPdf([{ text: 'x' }, { text: 'y' }]).subarray(0, 300), /truncated or damaged/],
    ['not a PDF at all', Buffer.from('%PDF-1.4\nnothing here\n%%EOF\n'), /not a readable PDF|could not be read/],
  ])('refuses a %s file with an UnsupportedMediaError', async (_, bytes, reason) => {
    const error: unknown = await pdf.open(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedMediaError);
    expect((error as Error).message).toMatch(reason);
  });
});

describe('pdfDate', () => {
  it.each([
    ["D:20231126083000+07'00'", '2023-11-26T08:30:00+07:00'],
    ['D:20231126083000Z', '2023-11-26T08:30:00Z'],
    ['D:2023', '2023-01-01T00:00:00'],
    ['yesterday', undefined],
    [undefined, undefined],
  ])('reads %s as %s', (input, expected) => {
    expect(pdfDate(input)).toBe(expected);
  });
});
