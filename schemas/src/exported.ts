import { Agent } from './agent.ts';
import { ErrorBody, ItemPage, ItemView } from './api.ts';
import { Collection } from './collection.ts';
import { Item, ItemInput } from './item.ts';
import { Media } from './media.ts';
import { Place } from './place.ts';
import { SearchQuery, SearchResult } from './search.ts';

const BASE = 'https://disan.example.org/schemas';

/** The JSON Schema documents published for other systems, by file name, as text. */
export function exportedSchemas(): Record<string, string> {
  const schemas = { item: Item, 'item-input': ItemInput, collection: Collection, media: Media, agent: Agent, place: Place, 'search-query': SearchQuery, 'search-result': SearchResult, 'api-error': ErrorBody, 'api-item': ItemView, 'api-item-page': ItemPage };
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${BASE}/${name}.schema.json`, ...schema }, null, 2)}\n`,
    ]),
  );
}
