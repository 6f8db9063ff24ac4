import { createHash } from 'node:crypto';
import type { LibrarySource, RecordDraft, WorkspaceRecord } from '@disan/schemas';
import type { Viewer } from '../../access/index.ts';
import { DisanError } from '../../errors.ts';
import type { Workspace } from '../../workspace/types.ts';
import type { HarvestedFields } from './from-oai-dc.ts';
import type { OaiHeader } from './oai-xml.ts';
import type { HarvestSourceRow, HarvestStore } from './store.ts';

/**
 * The local record an OAI identifier becomes: a readable tail of the identifier and a
 * hash of the base URL and the exact identifier, so two identifiers that read alike
 * after slugging ("a:b" and "a.b") still get different ids, and the same record harvested
 * again (by the command line or a scheduled source) lands on the same id.
 * @example harvestedItemId('https://lib.example/oai', 'oai:lib.example:42') // 'oai-lib-example-42-3f…'
 */
export function harvestedItemId(baseUrl: string, identifier: string): string {
  const hash = createHash('sha256').update(`${baseUrl}\n${identifier}`).digest('hex').slice(0, 16);
  const slug = identifier.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^oai-/, '').slice(-60).replace(/^-+/, '');
  return slug ? `oai-${slug}-${hash}` : `oai-${hash}`;
}

export type RecordOutcome = 'created' | 'updated' | 'unchanged' | 'deleted';

/** A record the harvest will not write, with a reason an admin can act on. */
export class HarvestRefusedError extends DisanError {
  override readonly status: number = 422;
  override readonly code: string = 'harvest_refused';
}

export interface RecordWriterDeps {
  workspace: Pick<Workspace, 'get' | 'create' | 'save' | 'publish' | 'withdraw'>;
  store: HarvestStore;
  viewer: Viewer;
}

const NOTE = (source: HarvestSourceRow) => `harvested from ${source.baseUrl} (OAI-PMH, ${source.metadataPrefix})`;

/**
 * Writes one harvested record through the workspace engine, so it is versioned, audited
 * and indexed like any other: created (and published when the source says so), updated
 * when its datestamp moved, withdrawn when the source deleted it. A record someone edited
 * in the workspace since the harvest wrote it is refused rather than overwritten.
 */
export async function writeHarvestedRecord(deps: RecordWriterDeps, source: HarvestSourceRow, header: OaiHeader, fields: HarvestedFields | undefined): Promise<RecordOutcome> {
  const known = await deps.store.record(source.id, header.identifier);
  const itemId = known?.itemId ?? harvestedItemId(source.baseUrl, header.identifier);
  if (known && known.datestamp === header.datestamp && known.deleted === header.deleted) return 'unchanged';
  const current = await deps.workspace.get(deps.viewer, itemId);
  const remember = (deleted: boolean, record: WorkspaceRecord | null) =>
    deps.store.remember(source.id, header.identifier, { itemId, datestamp: header.datestamp, deleted, writtenVersion: record?.version ?? null });

  if (header.deleted) {
    if (!current) {
      if (known) await remember(true, null);
      return known ? 'deleted' : 'unchanged';
    }
    guardLocalEdits(current, known?.writtenVersion ?? null, itemId);
    const withdrawn = current.faceStatus === 'published'
      ? await deps.workspace.withdraw(deps.viewer, itemId, { ifMatch: current.version, reason: `deleted at the source (${source.baseUrl}, ${header.datestamp})` })
      : current;
    await remember(true, withdrawn);
    return 'deleted';
  }

  if (!fields) throw new HarvestRefusedError('the record has no metadata in the requested format');
  const origin: LibrarySource = { protocol: 'oai-pmh', source: source.baseUrl, identifier: header.identifier, datestamp: header.datestamp, metadataPrefix: source.metadataPrefix };
  const draft: RecordDraft = { ...fields, id: itemId, access: { level: 'public' }, library: { ...fields.library, origin } };
  const options = { note: NOTE(source) };

  if (!current) {
    const created = await deps.workspace.create(deps.viewer, draft, options);
    const final = source.recordStatus === 'published' ? await deps.workspace.publish(deps.viewer, itemId, { ifMatch: created.version, ...options }) : created;
    await remember(false, final);
    return 'created';
  }
  const origins = current.item.library?.origin;
  if (!known && (origins?.source !== source.baseUrl || origins.identifier !== header.identifier)) {
    throw new HarvestRefusedError(`the id ${itemId} belongs to a record that was not harvested from this source`);
  }
  guardLocalEdits(current, known?.writtenVersion ?? null, itemId);
  const saved = await deps.workspace.save(deps.viewer, itemId, draft, { ifMatch: current.version, ...options });
  const needsPublish = source.recordStatus === 'published' && (saved.record.item.status !== 'published' || saved.record.inRevision);
  const final = needsPublish ? await deps.workspace.publish(deps.viewer, itemId, { ifMatch: saved.record.version, ...options }) : saved.record;
  await remember(false, final);
  return saved.changed || needsPublish ? 'updated' : 'unchanged';
}

function guardLocalEdits(current: WorkspaceRecord, writtenVersion: number | null, itemId: string): void {
  if (writtenVersion !== null && current.version !== writtenVersion) {
    throw new HarvestRefusedError(`record ${itemId} was edited in the workspace (version ${current.version}) after the harvest wrote version ${writtenVersion}: not overwritten`);
  }
}
