/** What a Disan backup file holds: a tar with these entries, in this order. */
export const BACKUP_FORMAT = 'disan-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** The content type of each stored object travels in its tar entry's extended header. */
export const CONTENT_TYPE_PAX = 'DISAN.contentType';

/** `disan-backup.json`, the first entry: what the catalog part holds and which schema wrote it. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The newest catalog migration applied when the backup was made. */
  schemaVersion: number;
  createdAt: string;
  /** In the order they follow as `catalog/<name>.jsonl`: parents before children. */
  tables: { name: string; rows: number }[];
}

/** `disan-backup-end.json`, the last entry (after `objects/<key>` entries): proof the file is whole. */
export interface BackupSummary {
  tables: { name: string; rows: number }[];
  objects: number;
  bytes: number;
}
