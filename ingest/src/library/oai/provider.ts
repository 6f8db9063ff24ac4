import { isId, type Collection } from '@disan/schemas';
import { canReadCollection, harvestShowsFiles, oaiExposure, PUBLIC } from '../../access/index.ts';
import type { OaiConfig } from '../../config.ts';
import { parseArguments, type Arguments, type Verb } from './arguments.ts';
import { datestamp, parseOaiDate } from './dates.ts';
import { oaiError, type OaiError } from './errors.ts';
import type { MetadataFormat } from './formats.ts';
import type { HarvestQuery, HarvestRepository, HarvestRow } from './repository.ts';
import { describeSets, parseSetSpec, setSpecsOf } from './sets.ts';
import { readToken, signToken, TOKEN_LIFETIME_MS, type ListState } from './token.ts';
import { OAI_NS, textElement, xmlDocument, XSI_NS, type XMLBuilder } from './xml.ts';

export interface OaiProviderDeps {
  harvest: HarvestRepository;
  /** Every collection (tens): the public's readable ones name sets. */
  collections: () => Promise<Collection[]>;
  config: OaiConfig;
  /** The key that signs resumption tokens. */
  tokenKey: () => Promise<Buffer>;
  /** The formats offered, oai_dc first. */
  formats: readonly MetadataFormat[];
}

export interface OaiRequest {
  /** The arguments as sent, in order (query string or form body). */
  pairs: readonly (readonly [string, string])[];
  /** The address harvesters use (Identify's baseURL and every answer's request element). */
  baseUrl: string;
  /** The public site, for each record's page (dc:identifier). */
  siteUrl: string;
  now?: Date;
}

type Answer = { element: (root: XMLBuilder) => void } | { errors: OaiError[] };

/**
 * The OAI-PMH 2.0 provider: one request in, one XML document out. Only what the public
 * may read is disseminated (oaiExposure, the public's read filter in SQL), records the
 * public read once are deleted headers, lists are keyset pages in (datestamp, id) order
 * with signed, stateless resumption tokens.
 */
export function createOaiProvider(deps: OaiProviderDeps) {
  const format = (prefix: string | undefined) => deps.formats.find((f) => f.prefix === prefix);
  const prefixRefused = (prefix: string | undefined) => oaiError('cannotDisseminateFormat', `The metadata format "${prefix}" is not offered; ListMetadataFormats names ${deps.formats.map((f) => f.prefix).join(', ')}`);
  const readable = async () => new Set((await deps.collections()).filter((c) => canReadCollection(PUBLIC, c)).map((c) => c.id));
  const identifierOf = (id: string) => `oai:${deps.config.repositoryId}:${id}`;
  const itemIdOf = (identifier: string) => {
    const prefix = `oai:${deps.config.repositoryId}:`;
    const id = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : '';
    return isId(id) ? id : null;
  };

  async function exposedRow(identifier: string, now: Date): Promise<HarvestRow | null> {
    const id = itemIdOf(identifier);
    const row = id === null ? null : await deps.harvest.get(id);
    return row && oaiExposure(row.item, row.exposedBefore, now) !== 'hidden' ? row : null;
  }

  function header(parent: XMLBuilder, row: HarvestRow, collections: ReadonlySet<string>, now: Date): boolean {
    const deleted = oaiExposure(row.item, row.exposedBefore, now) === 'deleted';
    const element = parent.ele('header');
    if (deleted) element.att('status', 'deleted');
    textElement(element, 'identifier', identifierOf(row.item.id));
    textElement(element, 'datestamp', datestamp(row.datestamp));
    for (const spec of setSpecsOf(row.item, collections)) textElement(element, 'setSpec', spec);
    return deleted;
  }

  function record(parent: XMLBuilder, row: HarvestRow, metadataFormat: MetadataFormat, context: { collections: ReadonlySet<string>; now: Date; siteUrl: string; formats: Map<string, string[]> }): void {
    const element = parent.ele('record');
    if (header(element, row, context.collections, context.now)) return;
    const files = harvestShowsFiles(row.item, context.now) ? (context.formats.get(row.item.id) ?? []) : [];
    metadataFormat.write(element.ele('metadata'), row.item, { recordUrl: `${context.siteUrl}/item/${row.item.id}`, formats: files });
  }

  const verbs: Record<Verb, (args: Arguments, request: OaiRequest, now: Date) => Promise<Answer>> = {
    async Identify(_args, request, now) {
      const earliest = (await deps.harvest.earliest(now)) ?? now;
      return {
        element: (root) => {
          const identify = root.ele('Identify');
          textElement(identify, 'repositoryName', deps.config.repositoryName);
          textElement(identify, 'baseURL', request.baseUrl);
          textElement(identify, 'protocolVersion', '2.0');
          textElement(identify, 'adminEmail', deps.config.adminEmail);
          textElement(identify, 'earliestDatestamp', datestamp(earliest));
          textElement(identify, 'deletedRecord', 'persistent');
          textElement(identify, 'granularity', 'YYYY-MM-DDThh:mm:ssZ');
          const NS = 'http://www.openarchives.org/OAI/2.0/oai-identifier';
          const description = identify.ele('description').ele(NS, 'oai-identifier').att(XSI_NS, 'xsi:schemaLocation', `${NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd`);
          textElement(description, 'scheme', 'oai');
          textElement(description, 'repositoryIdentifier', deps.config.repositoryId);
          textElement(description, 'delimiter', ':');
          textElement(description, 'sampleIdentifier', identifierOf('ok-om-bok'));
        },
      };
    },

    async ListMetadataFormats(args, _request, now) {
      if (args.identifier !== undefined && !(await exposedRow(args.identifier, now))) return { errors: [oaiError('idDoesNotExist', `No record has the identifier ${args.identifier}`)] };
      return {
        element: (root) => {
          const list = root.ele('ListMetadataFormats');
          for (const f of deps.formats) {
            const element = list.ele('metadataFormat');
            textElement(element, 'metadataPrefix', f.prefix);
            textElement(element, 'schema', f.schema);
            textElement(element, 'metadataNamespace', f.namespace);
          }
        },
      };
    },

    async ListSets(args, _request, now) {
      if (args.resumptionToken !== undefined) return { errors: [oaiError('badResumptionToken', 'ListSets answers in one page: it gives no resumption tokens')] };
      const [present, collections] = await Promise.all([deps.harvest.presentInPublic(now), deps.collections()]);
      const shown = collections.filter((c) => canReadCollection(PUBLIC, c, now) && present.collections.includes(c.id));
      const sets = describeSets({ kinds: present.kinds, ethnicGroups: present.ethnicGroups, collections: shown });
      return {
        element: (root) => {
          const list = root.ele('ListSets');
          for (const set of sets) {
            const element = list.ele('set');
            textElement(element, 'setSpec', set.spec);
            textElement(element, 'setName', set.name);
          }
        },
      };
    },

    ListIdentifiers: (args, request, now) => list('ListIdentifiers', args, request, now),
    ListRecords: (args, request, now) => list('ListRecords', args, request, now),

    async GetRecord(args, request, now) {
      const metadataFormat = format(args.metadataPrefix);
      const row = await exposedRow(args.identifier!, now);
      const errors = [
        ...(row ? [] : [oaiError('idDoesNotExist', `No record has the identifier ${args.identifier}`)]),
        ...(metadataFormat ? [] : [prefixRefused(args.metadataPrefix)]),
      ];
      if (!row || !metadataFormat) return { errors };
      const collections = await readable();
      const formats = await deps.harvest.formats([row.item.id]);
      return { element: (root) => { record(root.ele('GetRecord'), row, metadataFormat, { collections, now, siteUrl: request.siteUrl, formats }); } };
    },
  };

  /** The list's state: from a token, or from the first request's arguments. */
  async function listState(verb: ListState['verb'], args: Arguments, now: Date): Promise<{ state: Omit<ListState, 'after' | 'total'> & Partial<ListState> } | { errors: OaiError[] }> {
    if (args.resumptionToken !== undefined) {
      const state = readToken(args.resumptionToken, await deps.tokenKey(), now);
      if (!state || state.verb !== verb) return { errors: [oaiError('badResumptionToken', 'The resumption token is not one this repository gave for this verb, or it has expired; start the list again')] };
      return { state };
    }
    const errors: OaiError[] = [];
    if (!format(args.metadataPrefix)) errors.push(prefixRefused(args.metadataPrefix));
    const from = args.from === undefined ? undefined : parseOaiDate(args.from);
    const until = args.until === undefined ? undefined : parseOaiDate(args.until);
    if (from === null) errors.push(oaiError('badArgument', `from="${args.from}" is not a date like 2026-12-02 or 2026-12-02T10:00:00Z`));
    if (until === null) errors.push(oaiError('badArgument', `until="${args.until}" is not a date like 2026-12-02 or 2026-12-02T10:00:00Z`));
    if (from && until && from.granularity !== until.granularity) errors.push(oaiError('badArgument', 'from and until must have the same granularity (both days or both seconds)'));
    else if (from && until && from.start > until.start) errors.push(oaiError('badArgument', 'from is later than until'));
    if (args.set !== undefined && !/^([A-Za-z0-9\-_.!~*'()])+(:[A-Za-z0-9\-_.!~*'()]+)*$/.test(args.set)) errors.push(oaiError('badArgument', `set="${args.set}" is not a setSpec`));
    if (errors.length > 0) return { errors };
    return {
      state: {
        verb,
        metadataPrefix: args.metadataPrefix!,
        cursor: 0,
        expires: '',
        ...(args.set === undefined ? {} : { set: args.set }),
        ...(args.from === undefined ? {} : { from: args.from }),
        ...(args.until === undefined ? {} : { until: args.until }),
      },
    };
  }

  async function list(verb: ListState['verb'], args: Arguments, request: OaiRequest, now: Date): Promise<Answer> {
    const parsed = await listState(verb, args, now);
    if ('errors' in parsed) return parsed;
    const { state } = parsed;
    const metadataFormat = format(state.metadataPrefix)!;
    const collections = await readable();
    const set = state.set === undefined ? undefined : parseSetSpec(state.set);
    if (set === null) return { errors: [oaiError('noRecordsMatch', `There is no set ${state.set}; ListSets names them`)] };
    const query: HarvestQuery = {
      now,
      readableCollections: collections,
      ...(set ? { set } : {}),
      ...(state.from ? { from: parseOaiDate(state.from)!.start } : {}),
      ...(state.until ? { before: parseOaiDate(state.until)!.end } : {}),
    };
    const pageSize = deps.config.pageSize;
    const rows = await deps.harvest.page(query, { limit: pageSize + 1, ...(state.after ? { after: state.after } : {}) });
    if (rows.length === 0 && !state.after) return { errors: [oaiError('noRecordsMatch', 'No record matches these arguments')] };
    const total = state.total ?? (rows.length <= pageSize ? rows.length : await deps.harvest.count(query));
    const page = rows.slice(0, pageSize);
    const last = page.at(-1);
    const more = rows.length > pageSize && last !== undefined;
    const formats = verb === 'ListRecords' ? await deps.harvest.formats(page.filter((row) => harvestShowsFiles(row.item, now)).map((row) => row.item.id)) : new Map<string, string[]>();
    const expires = new Date(now.getTime() + TOKEN_LIFETIME_MS).toISOString();
    const next = more ? signToken({ ...state, after: { stamp: last.stamp, id: last.item.id }, cursor: state.cursor + page.length, total, expires }, await deps.tokenKey()) : undefined;
    return {
      element: (root) => {
        const element = root.ele(verb);
        for (const row of page) {
          if (oaiExposure(row.item, row.exposedBefore, now) === 'hidden') continue;
          if (verb === 'ListRecords') record(element, row, metadataFormat, { collections, now, siteUrl: request.siteUrl, formats });
          else header(element, row, collections, now);
        }
        // The last page of a list that had tokens ends with an empty token (protocol 3.5).
        if (next !== undefined || state.after) {
          const token = element.ele('resumptionToken').att('completeListSize', String(total)).att('cursor', String(state.cursor));
          if (next !== undefined) token.att('expirationDate', datestamp(new Date(expires))).txt(next);
        }
      },
    };
  }

  return {
    /** The XML answer to one OAI-PMH request (always HTTP 200: errors are in the XML, as the protocol says). */
    async answer(request: OaiRequest): Promise<string> {
      const now = request.now ?? new Date();
      const parsed = parseArguments(request.pairs);
      const answer = parsed.ok ? await verbs[parsed.verb](parsed.args, request, now) : { errors: parsed.errors };
      const { doc, root } = xmlDocument(OAI_NS, 'OAI-PMH', `${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`);
      textElement(root, 'responseDate', datestamp(now));
      const requestElement = textElement(root, 'request', request.baseUrl);
      // The request's arguments are echoed only when they were understood (protocol 3.2).
      const misunderstood = 'errors' in answer && answer.errors.some((e) => e.code === 'badVerb' || e.code === 'badArgument');
      if (parsed.ok && !misunderstood) {
        requestElement.att('verb', parsed.verb);
        for (const [name, value] of Object.entries(parsed.args)) requestElement.att(name, value);
      }
      if ('errors' in answer) for (const error of answer.errors) textElement(root, 'error', error.message, { code: error.code });
      else answer.element(root);
      return doc.end({ prettyPrint: false });
    },
  };
}

export type OaiProvider = ReturnType<typeof createOaiProvider>;
