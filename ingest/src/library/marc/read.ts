import { ValidationError } from '../../errors.ts';
import { parseIso2709, parseMarcXmlElement } from './natlibfi.ts';
import { controlField, type MarcRecord } from './record.ts';

/** One record of a MARC file: read, or refused with the reason. */
export type MarcFileEntry =
  | { ok: true; position: number; controlNumber?: string; record: MarcRecord }
  | { ok: false; position: number; controlNumber?: string; reason: string };

export interface MarcFile {
  name: string;
  format: 'marcxml' | 'iso2709';
  entries: MarcFileEntry[];
}

/** The file as a whole is not MARC (400): nothing in it was imported. */
export class MarcFileError extends ValidationError {}

const RECORD_TERMINATOR = 0x1d;
const ESCAPE = 0x1b;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a MARC file, MARCXML or ISO 2709 (told apart by their first bytes, not the name).
 * Each record is read or refused on its own, so one bad record does not stop the rest.
 * ISO 2709 records in MARC-8 (leader/09 blank) are read when they hold only ASCII, which
 * is the same in UTF-8; with other MARC-8 characters they are refused: no maintained
 * MARC-8 converter exists on npm (checked late 2026), and guessing would corrupt text.
 */
export async function readMarcFile(input: Uint8Array | AsyncIterable<Uint8Array>, name: string): Promise<MarcFile> {
  const bytes = input instanceof Uint8Array ? input : await collect(input);
  const start = firstContentByte(bytes);
  if (start === bytes.length) throw new MarcFileError(`${name} is empty`);
  if (bytes[start] === 0x3c) return { name, format: 'marcxml', entries: await readMarcXml(decodeXmlText(bytes, name)) };
  if (isDigits(bytes.subarray(start, start + 5))) return { name, format: 'iso2709', entries: readIso2709(bytes.subarray(start)) };
  throw new MarcFileError(`${name} is neither MARCXML (it would start with "<") nor ISO 2709 (it would start with a five-digit record length)`);
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function decodeXmlText(bytes: Uint8Array, name: string): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new MarcFileError(`${name} is XML but not valid UTF-8; MARCXML is read as UTF-8`);
  }
}

function firstContentByte(bytes: Uint8Array): number {
  let index = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) index = 3;
  while (index < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[index]!)) index++;
  return index;
}

function isDigits(bytes: Uint8Array): boolean {
  return bytes.length === 5 && bytes.every((byte) => byte >= 0x30 && byte <= 0x39);
}

/** Each `<record>` element, with or without a namespace prefix, inside a collection or alone. */
async function readMarcXml(text: string): Promise<MarcFileEntry[]> {
  const entries: MarcFileEntry[] = [];
  const pattern = /<((?:[A-Za-z_][\w.-]*:)?)record(?=[\s>])[\s\S]*?<\/\1record\s*>/g;
  let position = 0;
  for (const match of text.matchAll(pattern)) {
    position++;
    try {
      const record = await parseMarcXmlElement(match[0]);
      if (record.leader.length !== 24) throw new Error(`its leader has ${record.leader.length} characters, not 24`);
      // XML is Unicode whatever leader/09 claims; a re-export must say so.
      const entry: MarcFileEntry = { ok: true, position, record: { ...record, leader: withUtf8Flag(record.leader) } };
      const controlNumber = controlField(record, '001');
      entries.push(controlNumber ? { ...entry, controlNumber } : entry);
    } catch (error) {
      entries.push({ ok: false, position, reason: `not a readable MARCXML record: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  if (entries.length === 0) throw new MarcFileError('the XML holds no MARCXML <record> element');
  return entries;
}

function readIso2709(bytes: Uint8Array): MarcFileEntry[] {
  const entries: MarcFileEntry[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    let end = bytes.indexOf(RECORD_TERMINATOR, offset);
    if (end === -1) end = bytes.length;
    const chunk = bytes.subarray(offset, end);
    offset = end + 1;
    const content = chunk.subarray(firstContentByte(chunk));
    if (content.length === 0) continue;
    entries.push(readIso2709Record(content, entries.length + 1));
  }
  return entries;
}

function readIso2709Record(bytes: Uint8Array, position: number): MarcFileEntry {
  const controlNumber = controlNumberOf(bytes);
  const refuse = (reason: string): MarcFileEntry => (controlNumber ? { ok: false, position, controlNumber, reason } : { ok: false, position, reason });
  if (bytes.length < 25 || !isDigits(bytes.subarray(0, 5))) return refuse('not an ISO 2709 record: it does not start with a 24-character leader');
  const coding = String.fromCharCode(bytes[9]!);
  let text: string;
  if (coding === 'a') {
    try {
      text = STRICT_UTF8.decode(bytes);
    } catch {
      return refuse('its leader says UTF-8 (leader/09 "a") but its bytes are not valid UTF-8');
    }
  } else if (coding === ' ') {
    if (bytes.some((byte) => byte >= 0x80 || byte === ESCAPE)) {
      return refuse(
        'it is encoded in MARC-8 (leader/09 blank) with characters beyond ASCII, and Disan reads MARC 21 in UTF-8 only; convert the file first, e.g. yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97 in.mrc > out.mrc',
      );
    }
    // MARC-8 limited to ASCII is byte for byte the same in UTF-8.
    text = `${String.fromCharCode(...bytes.subarray(0, 9))}a${Buffer.from(bytes.subarray(10)).toString('latin1')}`;
  } else {
    return refuse(`its leader/09 is "${coding}", which is neither UTF-8 ("a") nor MARC-8 (blank)`);
  }
  try {
    const record = parseIso2709(text);
    return controlNumber ? { ok: true, position, controlNumber, record } : { ok: true, position, record };
  } catch (error) {
    return refuse(`not a readable ISO 2709 record: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** 001 read straight from the directory, so a refused record can still be named. */
function controlNumberOf(bytes: Uint8Array): string | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  const base = Number.parseInt(ascii(12, 17), 10);
  if (!Number.isInteger(base) || base <= 24 || base > bytes.length) return undefined;
  for (let entry = 24; entry + 12 <= base; entry += 12) {
    if (ascii(entry, entry + 3) !== '001') continue;
    const length = Number.parseInt(ascii(entry + 3, entry + 7), 10);
    const start = Number.parseInt(ascii(entry + 7, entry + 12), 10);
    const value = Buffer.from(bytes.subarray(base + start, base + start + length)).toString('latin1').replace(/[\x1e\x1d]/g, '').trim();
    return value || undefined;
  }
  return undefined;
}

function withUtf8Flag(leader: string): string {
  return `${leader.slice(0, 9)}a${leader.slice(10)}`;
}
