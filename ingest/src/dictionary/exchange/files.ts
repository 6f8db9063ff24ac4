import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { Readable } from 'node:stream';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { DictionaryFormat } from '@disan/schemas';
import type { Archive } from '../../archive.ts';
import { ObjectNotFoundError, ValidationError } from '../../errors.ts';
import { resolveInside } from '../../registration/walk.ts';
import { readLift } from '../lift/read.ts';
import { writeLift } from '../lift/write.ts';
import { entriesCsv, entriesXlsx, readEntrySheet } from '../sheet/files.ts';
import type { ReadEntry } from './entry.ts';
import type { OutgoingEntry } from './export.ts';
import type { AudioSource } from './import.ts';

/** A file brought in: what it holds, and where its audio files are found. */
export interface IncomingDictionary {
  format: DictionaryFormat;
  entries: ReadEntry[];
  audio: AudioSource;
}

/** The kind of dictionary file a name says it is: LIFT (alone, or zipped with its audio), CSV or XLSX. */
export function formatOfName(name: string): DictionaryFormat | 'zip' {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'lift' || extension === 'csv' || extension === 'xlsx' || extension === 'zip') return extension;
  throw new ValidationError(`"${name}" is not a dictionary file: send a .lift file (or a .zip of it with its audio/ folder), a .csv or an .xlsx`);
}

/** A dictionary file that arrived as bytes (an upload): a zip is opened and its one .lift read with the audio beside it. */
export async function readUploadedDictionary(name: string, bytes: Uint8Array): Promise<IncomingDictionary> {
  const format = formatOfName(name);
  if (format === 'zip') return readZip(bytes);
  const none: AudioSource = () => Promise.resolve(undefined);
  if (format === 'lift') return { format, entries: readLift(utf8(bytes)), audio: none };
  return { format, entries: await readEntrySheet(bytes, format), audio: none };
}

/** A dictionary file on this machine (the command line): its audio files are read from beside it. */
export async function readDictionaryPath(path: string): Promise<IncomingDictionary> {
  const format = formatOfName(path);
  const bytes = await readFile(path);
  if (format === 'zip') return readZip(bytes);
  const root = dirname(path);
  const audio: AudioSource = async (file) => {
    const resolved = await resolveInside(root, file);
    if ('reason' in resolved) return undefined;
    const info = await stat(resolved.path).catch(() => undefined);
    return info?.isFile() ? { name: file, size: info.size, path: resolved.path } : undefined;
  };
  if (format === 'lift') return { format, entries: readLift(utf8(bytes)), audio };
  return { format, entries: await readEntrySheet(bytes, format), audio };
}

function readZip(bytes: Uint8Array): IncomingDictionary {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new ValidationError(`the zip cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  const lifts = Object.keys(files).filter((name) => name.toLowerCase().endsWith('.lift'));
  if (lifts.length !== 1) throw new ValidationError(`the zip must hold exactly one .lift file (with its audio/ folder beside it); it holds ${lifts.length}`);
  const lift = lifts[0]!;
  const base = lift.includes('/') ? lift.slice(0, lift.lastIndexOf('/') + 1) : '';
  const audio: AudioSource = (file) => {
    const found = files[`${base}${file}`];
    return Promise.resolve(found && found.length > 0 ? { name: basename(file), size: found.length, stream: Readable.from([Buffer.from(found)]) } : undefined);
  };
  return { format: 'lift', entries: readLift(utf8(files[lift]!)), audio };
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError('the LIFT file is not UTF-8 text');
  }
}

/** Export bytes with their type and a file name. */
export interface DictionaryDownload {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
}

/** A fixed time in the zip's headers, so the same dictionary always makes the same bytes. */
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

/**
 * The entries as a download: LIFT as a zip of `dictionary.lift` with its `audio/` folder
 * (LIFT's convention, what FieldWorks reads), CSV or XLSX alone. Audio is stored, not
 * deflated again (Opus, MP3 and WAV gain little); the whole zip is built in memory, which
 * suits pronunciation recordings (seconds each).
 */
export async function dictionaryDownload(archive: Archive, entries: readonly OutgoingEntry[], format: DictionaryFormat): Promise<DictionaryDownload> {
  if (format === 'csv') return { bytes: Buffer.from(entriesCsv(entries)), contentType: 'text/csv; charset=utf-8', filename: 'dictionary.csv' };
  if (format === 'xlsx') return { bytes: await entriesXlsx(entries), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: 'dictionary.xlsx' };
  const files: Zippable = {};
  // A recording whose stored file is gone (a lost original) leaves the export without it,
  // and the LIFT names only the files the zip holds, rather than the whole export failing.
  const kept = [];
  for (const entry of entries) {
    const audio = [];
    for (const recording of entry.audio) {
      const bytes = await readStored(archive, recording.key).catch((error: unknown) => {
        if (error instanceof ObjectNotFoundError) return null;
        throw error;
      });
      if (bytes === null) continue;
      files[recording.file] = [bytes, { level: 0, mtime: ZIP_TIME }];
      audio.push(recording);
    }
    kept.push({ ...entry, audio });
  }
  const zippable: Zippable = { 'dictionary.lift': [Buffer.from(writeLift(kept)), { level: 6, mtime: ZIP_TIME }], ...files };
  return { bytes: zipSync(zippable), contentType: 'application/zip', filename: 'dictionary.zip' };
}

async function readStored(archive: Archive, key: string): Promise<Uint8Array> {
  const { body } = await archive.storage.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
