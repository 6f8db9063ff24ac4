import type { Sql } from '../database/database.ts';
import { createAuditLog } from './audit-log.ts';
import { createCollectionRepository } from './collections.ts';
import { createDictionaryRepository } from './dictionary.ts';
import { createItemRepository } from './items.ts';
import { createMediaRepository } from './media.ts';
import { createAgentRepository, createPlaceRepository } from './records.ts';
import { createTextRepository } from './texts.ts';

/**
 * The catalog's repositories over one SQL connection. Pass a transaction's `tx` to
 * make several repository calls commit or roll back together.
 * @example const catalog = createCatalog(db); await catalog.items.upsert(input, { author: 'import' });
 */
export function createCatalog(sql: Sql) {
  return {
    items: createItemRepository(sql),
    media: createMediaRepository(sql),
    collections: createCollectionRepository(sql),
    agents: createAgentRepository(sql),
    places: createPlaceRepository(sql),
    texts: createTextRepository(sql),
    audit: createAuditLog(sql),
    dictionary: createDictionaryRepository(sql),
  };
}

export type Catalog = ReturnType<typeof createCatalog>;
