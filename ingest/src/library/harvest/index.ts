/** The OAI-PMH harvester (issue 13): a client, the record crosswalks, runs, and the schedule. */
export { createOaiClient, DISAN_USER_AGENT, HarvestFetchError, OaiProtocolErrorResponse, parseRetryAfter, type HeadersPage, type OaiClient, type OaiClientOptions, type RecordsPage } from './oai-client.ts';
export { parseOaiResponse, type OaiHeader, type OaiRecord, type OaiResponse, type ResumptionToken, type XmlNode } from './oai-xml.ts';
export { classifyIdentifier, fromOaiDc, languageTag, toEdtf, type HarvestedFields } from './from-oai-dc.ts';
export { fromMarcXml } from './from-marcxml.ts';
export { harvestedItemId, HarvestRefusedError, type RecordOutcome } from './records.ts';
export { atGranularity, runHarvest, type HarvestDeps, type HarvestProgress, type HarvestRunOptions, type HarvestSummary } from './run.ts';
export { createHarvestStore, type HarvestActor, type HarvestSourceRow, type HarvestStore } from './store.ts';
export { queueHarvestRun, scheduleHarvests, scheduleSlot } from './jobs.ts';
