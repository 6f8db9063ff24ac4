import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UnsupportedMediaError } from '../errors.ts';

/**
 * The poppler adapter: the only file that runs Debian's poppler-utils. pdftoppm
 * renders pages to images (pdfjs would need a canvas in Node, and pdftoppm is
 * faster); pdftotext reads the text layer of every page (2-3x faster than pdfjs here).
 * Both run as child processes with a time limit, on a private temp copy of the
 * PDF, so a hostile file can at worst fail its own job.
 */

const run = promisify(execFile);

export interface RenderOptions {
  first: number;
  last: number;
  /** Longest edge in pixels (pdftoppm -scale-to). */
  scaleTo?: number;
  /** Resolution in dots per inch, for OCR (pdftoppm -r). */
  dpi?: number;
  gray?: boolean;
}

export interface RenderedPage {
  page: number;
  png: Buffer;
}

export interface PopplerOptions {
  /** Per command; a page that takes longer is treated as damaged. */
  timeoutMs?: number;
}

export function createPopplerAdapter(options: PopplerOptions = {}) {
  const timeout = options.timeoutMs ?? 120_000;

  /** Renders pages first..last to PNG, yielding them one at a time in page order. */
  async function* renderPages(pdf: Uint8Array, range: RenderOptions): AsyncGenerator<RenderedPage> {
    const dir = await mkdtemp(join(tmpdir(), 'disan-pdftoppm-'));
    try {
      const input = join(dir, 'in.pdf');
      await writeFile(input, pdf);
      const args = ['-png', '-f', String(range.first), '-l', String(range.last)];
      if (range.scaleTo) args.push('-scale-to', String(range.scaleTo));
      if (range.dpi) args.push('-r', String(range.dpi));
      if (range.gray) args.push('-gray');
      await run('pdftoppm', [...args, input, join(dir, 'p')], { timeout, maxBuffer: 1024 * 1024 }).catch((error: unknown) => {
        throw new UnsupportedMediaError(`poppler could not render pages ${range.first}-${range.last}: ${firstLine(error)}`, { cause: error });
      });
      // pdftoppm names pages p-7.png, p-07.png or p-007.png depending on the page count.
      const names = (await readdir(dir)).filter((name) => /^p-\d+\.png$/.test(name));
      const pages = names.map((name) => ({ name, page: Number(/\d+/.exec(name)![0]) })).sort((a, b) => a.page - b.page);
      for (const { name, page } of pages) yield { page, png: await readFile(join(dir, name)) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Every page's text from pdftotext, split on its form feeds. */
  async function extractText(pdfPath: string): Promise<string[]> {
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { timeout, maxBuffer: 512 * 1024 * 1024 });
    return stdout.split('\f').slice(0, -1);
  }

  /** The same from the bytes, through a private temp copy. */
  async function pageTexts(pdf: Uint8Array): Promise<string[]> {
    const dir = await mkdtemp(join(tmpdir(), 'disan-pdftotext-'));
    try {
      const input = join(dir, 'in.pdf');
      await writeFile(input, pdf);
      return await extractText(input).catch((error: unknown) => {
        throw new UnsupportedMediaError(`poppler could not read the text: ${firstLine(error)}`, { cause: error });
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return { renderPages, extractText, pageTexts };
}

export type PopplerAdapter = ReturnType<typeof createPopplerAdapter>;

function firstLine(error: unknown): string {
  const failed = error as { stderr?: string; killed?: boolean; message?: string };
  if (failed.killed) return 'it took too long';
  return (failed.stderr ?? failed.message ?? String(error)).split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}
