import { spawn } from 'node:child_process';
import { UnsupportedMediaError } from '../errors.ts';
import { parseTesseractTsv, type OcrPage } from './ocr-tsv.ts';

export { tidy, type OcrPage } from './ocr-tsv.ts';

/**
 * The OCR adapter: the only file that runs Debian's tesseract (5, with the vie,
 * khm, chi_sim and chi_tra models). One page image in on stdin, its words out with
 * their boxes (tesseract's `tsv`), the page text rebuilt from them (ocr-tsv.ts);
 * tesseract is limited to one thread because the worker already runs pages in
 * parallel with other jobs on a small machine.
 */

export interface OcrOptions {
  timeoutMs?: number;
}

/** Item language (BCP 47) → tesseract models. */
const MODELS: Record<string, string[]> = {
  vi: ['vie'],
  km: ['khm'],
  'zh-Hans': ['chi_sim'],
  'zh-Hant': ['chi_tra'],
  zh: ['chi_sim', 'chi_tra'],
  en: ['eng'],
};
const DEFAULT_MODELS = ['vie', 'eng'];

/**
 * The tesseract models for an item's languages, in the item's order; Vietnamese and
 * English when none of its languages has a model.
 * @example tesseractLanguages(['km', 'vi']) // 'khm+vie'
 */
export function tesseractLanguages(languages: readonly string[] | undefined): string {
  const models = new Set((languages ?? []).flatMap((lang) => MODELS[lang] ?? MODELS[lang.split('-')[0]!] ?? []));
  return [...(models.size > 0 ? models : DEFAULT_MODELS)].join('+');
}

export function createOcrAdapter(options: OcrOptions = {}) {
  const timeout = options.timeoutMs ?? 300_000;

  /**
   * Text and word boxes of one page image (PNG, JPEG or TIFF bytes). Full-page layout
   * analysis first; when it finds nothing (a clipping, a single line, a label), the
   * image is read again as one block of text.
   */
  async function recognise(image: Buffer, languages: string): Promise<OcrPage> {
    const page = parseTesseractTsv(await tesseract(['stdin', 'stdout', '-l', languages, '--psm', '3', 'tsv'], image, timeout));
    if (page.text !== '') return page;
    return parseTesseractTsv(await tesseract(['stdin', 'stdout', '-l', languages, '--psm', '6', 'tsv'], image, timeout));
  }

  return { recognise };
}

export type OcrAdapter = ReturnType<typeof createOcrAdapter>;

function tesseract(args: string[], input: Buffer, timeout: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // A minimal environment: the archive's credentials are none of tesseract's business.
    const child = spawn('tesseract', args, { env: { OMP_THREAD_LIMIT: '1', PATH: '/usr/local/bin:/usr/bin:/bin' }, timeout });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => { reject(new UnsupportedMediaError(`tesseract could not run: ${error.message}`, { cause: error })); });
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else {
        const reason = signal ? `stopped (${signal}), it took too long` : Buffer.concat(err).toString('utf8').split('\n').find((l) => /error|can't|cannot|fail/i.test(l)) ?? `exit code ${String(code)}`;
        reject(new UnsupportedMediaError(`OCR failed: ${reason.trim()}`));
      }
    });
    child.stdin.on('error', () => undefined); // tesseract may exit before reading all input; 'close' reports why
    child.stdin.end(input);
  });
}
