import { createHash } from 'node:crypto';
import { Value } from 'typebox/value';
import { DictionaryEntry, isId, type Access, type EthnicGroupCode, type ItemInput, type ItemStatus, type MediaAccess, type RecordingInfo } from '@disan/schemas';

/**
 * A dictionary entry as it travels in LIFT, CSV and XLSX: the item's id, its entry block,
 * its access rule and its recordings (audio files by name, with what each says about
 * itself). The rest of the item (places, agents...) stays in the archive: an import
 * changes only what these formats carry.
 */
export interface ExchangeEntry {
  id: string;
  entry: DictionaryEntry;
  access?: Access;
  recordings: ExchangeRecording[];
  /** When the item was made and last changed (LIFT's dateCreated and dateModified). */
  created?: string;
  modified?: string;
}

export interface ExchangeRecording {
  /** The audio file's path relative to the exported file (`audio/ghe-ngo-1.wav`). */
  file: string;
  caption?: string;
  recording?: RecordingInfo;
  access?: MediaAccess;
}

/** One entry read from a file: what it became, or why not; `warnings` name what was read but not kept. */
export interface ReadEntry {
  /** Where the entry was: its position among entries (LIFT), or its row (CSV, XLSX; the header is row 1). */
  line: number;
  /** With the status a sheet's row asks for (LIFT carries none). */
  entry?: ExchangeEntry & { status?: ItemStatus };
  errors: string[];
  warnings: string[];
}

/** Entries made from a file's LIFT guid get this prefix, so the same guid always makes the same id. */
export const LIFT_ID_PREFIX = 'lift-';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The item id of an entry read from a file without one of ours: `lift-<guid>` from its
 * LIFT guid (so a re-import reaches the same item), else a slug of its LIFT id with a hash.
 * @example idFromLift({ guid: '5C2E9A0B-0B3A-4B7B-9F55-0E4B1A2C3D4E' }) // 'lift-5c2e9a0b-0b3a-4b7b-9f55-0e4b1a2c3d4e'
 */
export function idFromLift(source: { guid?: string | undefined; id?: string | undefined }): string | undefined {
  const guid = source.guid?.trim().toLowerCase();
  if (guid && UUID.test(guid)) return `${LIFT_ID_PREFIX}${guid}`;
  const key = source.id?.trim() || guid;
  if (!key) return undefined;
  if (isId(key)) return key;
  const slug = key.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `${LIFT_ID_PREFIX}${slug ? `${slug}-` : ''}${hash}`;
}

/**
 * The LIFT guid of an item: the guid it came with (`lift-<guid>`), or one made from its id
 * (a name-based UUID, version 5 layout over SHA-1), the same at every export.
 */
export function guidOf(id: string): string {
  const rest = id.startsWith(LIFT_ID_PREFIX) ? id.slice(LIFT_ID_PREFIX.length) : '';
  if (UUID.test(rest)) return rest;
  const hex = createHash('sha1').update(`disan:${id}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Problems of an entry block against the schema, each with where it is. */
export function entryProblems(entry: unknown): string[] {
  // Check is compiled and quick; listing the errors walks the schema again, only for a bad entry.
  if (Value.Check(DictionaryEntry, entry)) return [];
  return [...Value.Errors(DictionaryEntry, entry)].map((error) => `${error.instancePath || 'entry'}: ${error.message}`);
}

/** The communities whose words the dictionary's languages are, for a new item's ethnic groups. */
const GROUPS: Record<string, EthnicGroupCode> = { km: 'khmer', cjm: 'cham', yue: 'hoa', nan: 'hoa', hak: 'hoa', cmn: 'hoa', zh: 'hoa' };

/**
 * The item an exchanged entry becomes, over the item it updates (whose other fields are
 * kept): kind `word`, titled by its main headword, and the status given.
 */
export function entryItem(exchanged: ExchangeEntry, status: ItemStatus, existing?: ItemInput): ItemInput {
  const headword = exchanged.entry.headwords[0]!;
  const group = GROUPS[exchanged.entry.language.split('-')[0]!];
  const base: ItemInput = existing ?? {
    id: exchanged.id,
    kind: 'word',
    ethnicGroups: group ? [group] : [],
    title: [],
    status,
    access: { level: 'public' },
  };
  return {
    ...base,
    kind: 'word',
    title: [{ lang: exchanged.entry.language, value: headword.value }],
    entry: exchanged.entry,
    status,
    access: exchanged.access ?? base.access,
  };
}
