import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Radical and stroke counts of Han characters for browse headings (部首 and 筆畫), from the
 * Unicode Consortium's Unihan database as Debian's `unicode-data` package installs it
 * (kRSUnicode and kTotalStrokes in Unihan_IRGSources.txt.bz2, the radicals in
 * CJKRadicals.txt). This is the only reader of those files.
 */
export const DEBIAN_UNICODE_DIR = '/usr/share/unicode';

export interface RadicalStroke {
  /** Kangxi radical number, 1–214. */
  radical: number;
  /** The radical as written: 舟, or its simplified form (纟 for 糸) when the character uses it. */
  radicalChar: string;
  simplifiedRadical: boolean;
  /** Strokes beyond the radical. */
  residualStrokes: number;
  totalStrokes: number | undefined;
}

export interface HanRadicals {
  /** Radical and strokes of one character, or undefined for a character Unihan does not list. */
  of(char: string): RadicalStroke | undefined;
  size: number;
}

// kRSUnicode: "137.5", "120'.3" (a simplified radical); the first value is the primary one.
const RS_VALUE = /^(\d+)('?)\.(-?\d+)/;

/** Reads Unihan once (~0.5 s); keep the result. Fails with a message naming the package. */
export async function loadHanRadicals(dir: string = DEBIAN_UNICODE_DIR): Promise<HanRadicals> {
  const [irg, radicalsText] = await Promise.all([readBzip2(join(dir, 'Unihan_IRGSources.txt.bz2')), readFile(join(dir, 'CJKRadicals.txt'), 'utf8')]).catch(
    (error: unknown) => {
      throw new Error(`Unihan data not found in ${dir}: install Debian's unicode-data package`, { cause: error });
    },
  );
  const radicalChars = parseRadicals(radicalsText);
  const table = new Map<number, RadicalStroke>();
  const totals = new Map<number, number>();
  for (const line of irg.split('\n')) {
    if (!line.startsWith('U+')) continue;
    const [codeText, field, value] = line.split('\t');
    if (codeText === undefined || value === undefined) continue;
    const code = Number.parseInt(codeText.slice(2), 16);
    if (field === 'kTotalStrokes') totals.set(code, Number.parseInt(value, 10));
    if (field !== 'kRSUnicode') continue;
    const match = RS_VALUE.exec(value);
    if (!match) continue;
    const radical = Number(match[1]);
    const simplifiedRadical = match[2] === "'";
    const radicalChar = radicalChars.get(`${radical}${simplifiedRadical ? "'" : ''}`) ?? radicalChars.get(String(radical)) ?? '';
    table.set(code, { radical, radicalChar, simplifiedRadical, residualStrokes: Number(match[3]), totalStrokes: undefined });
  }
  for (const [code, entry] of table) entry.totalStrokes = totals.get(code);
  return {
    of: (char) => table.get(char.codePointAt(0) ?? -1),
    size: table.size,
  };
}

/**
 * CJKRadicals.txt: "120; 2F77; 7CF8" (radical number; Kangxi radical; unified ideograph, in
 * hex), "120'; 2EB0; 7E9F" for the simplified form; the unified ideograph (糸, 纟) is the heading.
 */
function parseRadicals(text: string): Map<string, string> {
  const radicals = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [number, radical, ideograph] = line.split(';').map((field) => field.trim());
    const code = ideograph || radical;
    if (number && code) radicals.set(number, String.fromCodePoint(Number.parseInt(code, 16)));
  }
  return radicals;
}

function readBzip2(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bzip2', ['-dc', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else reject(new Error(`bzip2 -dc ${file} failed: ${stderr.trim()}`));
    });
  });
}
