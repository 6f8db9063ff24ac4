import type { Archive } from '@disan/ingest';
import type { CommandArgs } from '../args.ts';
import { err, out } from '../printable.ts';

/** `disan audit verify`: walks the hash chain of the audit trail; exit 1 names the first broken entry. */
export async function runAuditCommand(archive: Archive, { positionals }: CommandArgs): Promise<number> {
  if (positionals[0] !== 'verify') {
    err('usage: disan audit verify\n');
    return 2;
  }
  const result = await archive.catalog.audit.verify();
  if (result.ok) {
    out(`the audit trail holds: ${result.checked} entries checked, head hash ${result.head || '(empty)'}\n`);
    return 0;
  }
  err(`the audit trail is broken at entry ${result.brokenId}: ${result.reason} (${result.checked} entries before it hold)\n`);
  return 1;
}
