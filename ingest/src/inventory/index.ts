/**
 * The heritage inventory (issue 15): the check of records' element links, the records that
 * document an element, and the link suggestions by names found in texts. The API and the
 * site import this file (`@disan/ingest/inventory`), never the ones beside it.
 */
export { createInventoryCatalog, type InventoryCatalog } from './catalog.ts';
export { elementLinkProblems, type ElementLinkProblem } from './links.ts';
export { findName, namesOf, suggestElementsFor, suggestRecordsFor } from './suggest.ts';
