import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { UnsupportedMediaError } from '../errors.ts';

/**
 * The PDF adapter: the only file that imports pdfjs-dist. It reads what a PDF
 * says about itself (pages, metadata, scripts) and the text layer of every page.
 * Rendering pages to images is poppler's job (media/poppler.ts): pdfjs would need
 * a canvas in Node, and pdftoppm is faster.
 *
 * Safety: the legacy (Node) build runs in-process with its "fake worker". pdfjs 6
 * removed `isEvalSupported` along with its last `new Function` (glyph compiling),
 * so no option is needed to keep it from evaluating code; scripting only exists
 * in the browser viewer, which is not loaded. No font faces are loaded (text
 * extraction needs none) and nothing is fetched (`useWorkerFetch: false`, data
 * given as bytes). A document's JavaScript is detected and reported, never run.
 */

export interface PdfFacts {
  pageCount: number;
  title?: string;
  author?: string;
  subject?: string;
  producer?: string;
  creator?: string;
  /** ISO 8601 from the PDF date `D:YYYYMMDDHHmmSS`. */
  createdAt?: string;
  pdfVersion?: string;
  /** The document carries JavaScript (actions, names tree): never run, but originals should be served as attachments. */
  javascript: boolean;
}

export interface PdfPageText {
  page: number;
  text: string;
}

export interface OpenedPdf {
  facts: PdfFacts;
  /**
   * The text layer page by page, one page in memory at a time: each page's parsed
   * objects are released before the next, so a 5 000-page file stays small.
   */
  pages(): AsyncGenerator<PdfPageText>;
  close(): Promise<void>;
}

export function createPdfAdapter() {
  async function open(bytes: Uint8Array): Promise<OpenedPdf> {
    assertComplete(bytes);
    const hasScriptNames = containsScriptName(bytes);
    // pdfjs takes ownership of (and detaches) the array it is given: hand it a copy.
    const task = getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useWorkerFetch: false,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (error) {
      await task.destroy();
      throw explain(error);
    }
    const facts = await readFacts(doc, hasScriptNames);
    return {
      facts,
      async *pages() {
        for (let number = 1; number <= doc.numPages; number++) {
          const page = await doc.getPage(number);
          const content = await page.getTextContent();
          const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
          page.cleanup();
          yield { page: number, text: normaliseText(text) };
        }
      },
      close: () => task.destroy(),
    };
  }

  return { open };
}

export type PdfAdapter = ReturnType<typeof createPdfAdapter>;

async function readFacts(doc: PDFDocumentProxy, hasScriptNames: boolean): Promise<PdfFacts> {
  const { info } = await doc.getMetadata();
  const fields = info as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === 'string' && fields[key].trim() !== '' ? fields[key].trim().slice(0, 2000) : undefined);
  const createdAt = pdfDate(text('CreationDate'));
  const scripted = hasScriptNames || (await doc.hasJSActions());
  const facts: PdfFacts = { pageCount: doc.numPages, javascript: scripted };
  const optional: [keyof PdfFacts, string | undefined][] = [
    ['title', text('Title')],
    ['author', text('Author')],
    ['subject', text('Subject')],
    ['producer', text('Producer')],
    ['creator', text('Creator')],
    ['createdAt', createdAt],
    ['pdfVersion', text('PDFFormatVersion')],
  ];
  for (const [key, value] of optional) if (value !== undefined) Object.assign(facts, { [key]: value });
  return facts;
}

/** A PDF ends with `%%EOF` in its last kilobyte; pdfjs would otherwise quietly read what is left of a cut-off upload. */
function assertComplete(bytes: Uint8Array): void {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1024);
  if (!tail.includes('%%EOF')) {
    throw new UnsupportedMediaError('the PDF is truncated or damaged (its end marker %%EOF is missing): upload the complete file again');
  }
}

/** `/JavaScript` or `/JS` names outside compressed streams; pdfjs' own check catches the rest. */
function containsScriptName(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.includes('/JavaScript') || /\/JS[\s(<[/]/.test(buffer.toString('latin1'));
}

function explain(error: unknown): UnsupportedMediaError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new UnsupportedMediaError('the PDF is password-protected: the archive cannot read its pages; upload a copy without a password', { cause: error });
  }
  if (name === 'InvalidPDFException') return new UnsupportedMediaError(`not a readable PDF: ${message}`, { cause: error });
  return new UnsupportedMediaError(`the PDF could not be read: ${message}`, { cause: error });
}

/** @example pdfDate("D:20231126083000+07'00'") // '2023-11-26T08:30:00+07:00' */
export function pdfDate(value: string | undefined): string | undefined {
  const match = value ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz]|[+-]\d{2}'?\d{2}'?)?/.exec(value) : null;
  if (!match) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone] = match;
  const offset = !zone || /z/i.test(zone) ? (zone ? 'Z' : '') : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  const iso = `${y!}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** Text layers carry ragged spacing; keep line breaks, collapse runs of spaces, drop blank lines. */
/** One page's text as stored: NFC, spaces collapsed, no blank lines, whichever tool read it. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
