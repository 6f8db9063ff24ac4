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
import { OAI_NS, XmlWriter, XSI_NS } from './xml.ts';

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

type Answer = { write: (out: XmlWriter) => void } | { errors: OaiError[] };

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

  function header(out: XmlWriter, row: HarvestRow, collections: ReadonlySet<string>, now: Date): boolean {
    const deleted = oaiExposure(row.item, row.exposedBefore, now) === 'deleted';
    out.start('header', { status: deleted ? 'deleted' : undefined });
    out.element('identifier', identifierOf(row.item.id));
    out.element('datestamp', datestamp(row.datestamp));
    for (const spec of setSpecsOf(row.item, collections)) out.element('setSpec', spec);
    out.end();
    return deleted;
  }

  function record(out: XmlWriter, row: HarvestRow, metadataFormat: MetadataFormat, context: { collections: ReadonlySet<string>; now: Date; siteUrl: string; formats: Map<string, string[]> }): void {
    out.start('record');
    if (!header(out, row, context.collections, context.now)) {
      const files = harvestShowsFiles(row.item, context.now) ? (context.formats.get(row.item.id) ?? []) : [];
      out.start('metadata');
      metadataFormat.write(out, row.item, { recordUrl: `${context.siteUrl}/item/${row.item.id}`, formats: files });
      out.end();
    }
    out.end();
  }

  const verbs: Record<Verb, (args: Arguments, request: OaiRequest, now: Date) => Promise<Answer>> = {
    async Identify(_args, request, now) {
      const earliest = (await deps.harvest.earliest(now)) ?? now;
      return {
        write: (out) => {
          out.start('Identify');
          out.element('repositoryName', deps.config.repositoryName);
          out.element('baseURL', request.baseUrl);
          out.element('protocolVersion', '2.0');
          out.element('adminEmail', deps.config.adminEmail);
          out.element('earliestDatestamp', datestamp(earliest));
          out.element('deletedRecord', 'persistent');
          out.element('granularity', 'YYYY-MM-DDThh:mm:ssZ');
          const NS = 'http://www.openarchives.org/OAI/2.0/oai-identifier';
          out.start('description').start('oai-identifier', { xmlns: NS, 'xsi:schemaLocation': `${NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd` });
          out.element('scheme', 'oai');
          out.element('repositoryIdentifier', deps.config.repositoryId);
          out.element('delimiter', ':');
          out.element('sampleIdentifier', identifierOf('ok-om-bok'));
          out.end().end().end();
        },
      };
    },

    async ListMetadataFormats(args, _request, now) {
      if (args.identifier !== undefined && !(await exposedRow(args.identifier, now))) return { errors: [oaiError('idDoesNotExist', `No record has the identifier ${args.identifier}`)] };
      return {
        write: (out) => {
          out.start('ListMetadataFormats');
          for (const f of deps.formats) {
            out.start('metadataFormat').element('metadataPrefix', f.prefix).element('schema', f.schema).element('metadataNamespace', f.namespace).end();
          }
          out.end();
        },
      };
    },

    async ListSets(args, _request, now) {
      if (args.resumptionToken !== undefined) return { errors: [oaiError('badResumptionToken', 'ListSets answers in one page: it gives no resumption tokens')] };
      const [present, collections] = await Promise.all([deps.harvest.presentInPublic(now), deps.collections()]);
      const shown = collections.filter((c) => canReadCollection(PUBLIC, c, now) && present.collections.includes(c.id));
      const sets = describeSets({ kinds: present.kinds, ethnicGroups: present.ethnicGroups, collections: shown });
      return {
        write: (out) => {
          out.start('ListSets');
          for (const set of sets) out.start('set').element('setSpec', set.spec).element('setName', set.name).end();
          out.end();
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
      return { write: (out) => { record(out.start('GetRecord'), row, metadataFormat, { collections, now, siteUrl: request.siteUrl, formats }); out.end(); } };
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
      write: (out) => {
        out.start(verb);
        for (const row of page) {
          if (oaiExposure(row.item, row.exposedBefore, now) === 'hidden') continue;
          if (verb === 'ListRecords') record(out, row, metadataFormat, { collections, now, siteUrl: request.siteUrl, formats });
          else header(out, row, collections, now);
        }
        // The last page of a list that had tokens ends with an empty token (protocol 3.5).
        if (next !== undefined || state.after) {
          const expirationDate = next === undefined ? undefined : datestamp(new Date(expires));
          out.element('resumptionToken', next ?? '', { completeListSize: String(total), cursor: String(state.cursor), expirationDate });
        }
        out.end();
      },
    };
  }

  return {
    /** The XML answer to one OAI-PMH request, UTF-8 (always HTTP 200: errors are in the XML, as the protocol says). */
    async answer(request: OaiRequest): Promise<Buffer> {
      const now = request.now ?? new Date();
      const parsed = parseArguments(request.pairs);
      const answer = parsed.ok ? await verbs[parsed.verb](parsed.args, request, now) : { errors: parsed.errors };
      const out = new XmlWriter().start('OAI-PMH', { xmlns: OAI_NS, 'xmlns:xsi': XSI_NS, 'xsi:schemaLocation': `${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd` });
      out.element('responseDate', datestamp(now));
      // The request's arguments are echoed only when they were understood (protocol 3.2).
      const misunderstood = 'errors' in answer && answer.errors.some((e) => e.code === 'badVerb' || e.code === 'badArgument');
      out.element('request', request.baseUrl, parsed.ok && !misunderstood ? { verb: parsed.verb, ...parsed.args } : {});
      if ('errors' in answer) for (const error of answer.errors) out.element('error', error.message, { code: error.code });
      else answer.write(out);
      return out.toBuffer();
    },
  };
}

export type OaiProvider = ReturnType<typeof createOaiProvider>;
