import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOaiResponse } from './oai-xml.ts';
import { fromOaiDc } from './from-oai-dc.ts';
import { fromMarcXml, toMarcRecord } from './from-marcxml.ts';
import { HarvestRefusedError } from './records.ts';

const FIXTURES = '/work/shared/fixtures/oai';
const read = (name: string) => parseOaiResponse(readFileSync(join(FIXTURES, name), 'utf8'));

/** Recorded responses of real repositories (see the fixtures' README): what each must read as. */
const EXPECTED: Record<string, { verb?: string; records?: number; headers?: number; deleted?: number; errors?: string[]; token?: string; payload?: string }> = {
  'alma_ListRecords-marc21.xml': { verb: 'ListRecords', records: 100, token: 'fakeresumptiontoken', payload: 'record' },
  'arxiv_GetRecord-oai_dc-utf8.xml': { verb: 'GetRecord', records: 1, payload: 'dc' },
  'arxiv_ListRecords-arXivRaw.xml': { verb: 'ListRecords', records: 6, token: '726959|1001', payload: 'arXivRaw' },
  'arxiv_error-badArgument.xml': { errors: ['badArgument'] },
  'arxiv_error-badResumptionToken.xml': { errors: ['badResumptionToken'] },
  'arxiv_error-badVerb.xml': { errors: ['badVerb'] },
  'arxiv_error-idDoesNotExist.xml': { errors: ['idDoesNotExist'] },
  'arxiv_error-noRecordsMatch.xml': { errors: ['noRecordsMatch'] },
  'doaj_ListRecords-oai_doaj.xml': { verb: 'ListRecords', records: 100, token: 'eyJtIjogIm9haV9kb2FqIiwgIm4iOiAxMDB9', payload: 'doajArticle' },
  'dspace-erasmus_GetRecord-deleted.xml': { verb: 'GetRecord', records: 1, deleted: 1 },
  'dspace-erasmus_GetRecord-oai_dc-2004.xml': { verb: 'GetRecord', records: 1, payload: 'dc' },
  'dspace-erasmus_GetRecord-oai_dc.xml': { verb: 'GetRecord', records: 1, payload: 'dc' },
  'dspace-erasmus_Identify.xml': { verb: 'Identify' },
  'dspace-erasmus_ListIdentifiers.xml': { verb: 'ListIdentifiers', headers: 16 },
  'dspace-erasmus_ListMetadataFormats.xml': { verb: 'ListMetadataFormats' },
  'dspace-erasmus_ListRecords-oai_dc.xml': { verb: 'ListRecords', records: 16, payload: 'dc' },
  'dspace-erasmus_ListSets.xml': { verb: 'ListSets' },
  'inspire_ListRecords-marcxml.xml': { verb: 'ListRecords', records: 2, payload: 'record' },
  'loc-memory_GetRecord-marc21.xml': { verb: 'GetRecord', records: 1, payload: 'record' },
  'nsdl_Identify.xml': { verb: 'Identify' },
  'nsdl_ListIdentifiers-page1.xml': { verb: 'ListIdentifiers', headers: 200, token: '0/200/733/nsdl_dc/null/2012-07-26/null' },
  'nsdl_ListIdentifiers-page2.xml': { verb: 'ListIdentifiers', headers: 200, token: '200/400/733/nsdl_dc/null/2012-07-26/null' },
  'nsdl_ListIdentifiers-page3.xml': { verb: 'ListIdentifiers', headers: 200, token: '400/600/733/nsdl_dc/null/2012-07-26/null' },
  'nsdl_ListIdentifiers-page4.xml': { verb: 'ListIdentifiers', headers: 133, token: '' },
  'pod-stanford_ListRecords-marc21.xml': { verb: 'ListRecords', records: 4, deleted: 1, token: 'MzM5OzE7Ozt2MS4w', payload: 'record' },
  'pod-stanford_error-noRecordsMatch.xml': { errors: ['noRecordsMatch'] },
  'spec-example_error-cannotDisseminateFormat.xml': { errors: ['cannotDisseminateFormat'] },
  'subjectsplus_ListRecords-oai_dc.xml': { verb: 'ListRecords', records: 1, payload: 'dc' },
};

describe('reading recorded OAI-PMH responses', () => {
  it('has an expectation for every recorded XML response', () => {
    expect(readdirSync(FIXTURES).filter((name) => name.endsWith('.xml')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    const response = read(name);
    expect(response.responseDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(response.errors.map((error) => error.code)).toEqual(expected.errors ?? []);
    if (expected.verb) expect(response.verb).toBe(expected.verb);
    expect(response.records).toHaveLength(expected.records ?? 0);
    expect(response.headers).toHaveLength(expected.headers ?? 0);
    expect(response.records.filter((record) => record.header.deleted)).toHaveLength(expected.deleted ?? 0);
    expect(response.resumptionToken?.value).toBe(expected.token);
    for (const record of response.records) {
      expect(record.header.identifier).not.toBe('');
      expect(record.header.datestamp).toMatch(/^\d{4}-\d{2}-\d{2}/);
      // A deleted record carries no metadata; every other one its payload.
      expect(record.metadata?.name).toBe(record.header.deleted ? undefined : expected.payload);
    }
  });

  it('reads the token attributes, Identify granularity and the repeated setSpecs', () => {
    expect(read('nsdl_ListIdentifiers-page2.xml').resumptionToken).toEqual({ value: '200/400/733/nsdl_dc/null/2012-07-26/null', completeListSize: 733, cursor: 200, expirationDate: '2099-01-01T01:30:28Z' });
    expect(read('dspace-erasmus_Identify.xml').identify?.granularity).toBe('YYYY-MM-DDThh:mm:ssZ');
    expect(read('dspace-erasmus_GetRecord-deleted.xml').records[0]?.header).toEqual({ identifier: 'hdl:1765/1160', datestamp: '2004-02-16T13:29:54Z', deleted: true, setSpecs: ['1:1', '1:1'] });
    expect(read('pod-stanford_ListRecords-marc21.xml').records[0]?.header.identifier).toBe('998212783503681');
  });

  it('refuses what is not OAI-PMH with a clear reason', () => {
    expect(() => parseOaiResponse('<html><body>Not found</body></html>')).toThrow(/not an OAI-PMH response/);
    expect(() => parseOaiResponse('<OAI-PMH><responseDate>')).toThrow(/not well-formed/);
  });
});

describe('oai_dc as a library record', () => {
  it('maps a DSpace technical report: ISBN and Handle, contributor, date from a date-time', () => {
    const fields = fromOaiDc(read('dspace-erasmus_GetRecord-oai_dc.xml').records[0]!.metadata!.node);
    expect(fields.kind).toBe('report');
    expect(fields.date).toBe('2003-04-22');
    expect(fields.agents).toEqual([{ name: 'Edwards, A.R.', role: 'contributor' }]);
    expect(fields.library?.identifiers).toEqual([
      { scheme: 'isbn', value: '90-9014980-5' },
      { scheme: 'handle', value: '1765/315' },
    ]);
    expect(fields.title[0]?.value).toMatch(/\S/);
  });

  it('maps an arXiv record: UTF-8 authors, subjects, a research report, a URL', () => {
    const fields = fromOaiDc(read('arxiv_GetRecord-oai_dc-utf8.xml').records[0]!.metadata!.node);
    expect(fields.title).toEqual([{ lang: 'und', value: 'PAC-Bayesian Majority Vote for Late Classifier Fusion' }]);
    expect(fields.agents?.map((agent) => agent.name)).toContain('Ayache, Stéphane');
    expect(fields.agents?.every((agent) => agent.role === 'author')).toBe(true);
    expect(fields.subjects).toHaveLength(4);
    expect(fields.date).toBe('2012-07-04');
    expect(fields.library?.identifiers).toEqual([{ scheme: 'uri', value: 'http://arxiv.org/abs/1207.1019' }]);
  });

  it('reads a language name and a non-conforming server\'s values without failing', () => {
    const fields = fromOaiDc(read('subjectsplus_ListRecords-oai_dc.xml').records[0]!.metadata!.node);
    expect(fields.languages).toEqual(['en']);
    expect(fields.title).toEqual([{ lang: 'en', value: 'General' }]);
    expect(fields.date).toBe('2011-03-26');
    expect(fields.library?.publisher).toBe('HealthNet Nepal');
  });

  it('maps every record of a DSpace list to fields the item schema accepts', () => {
    for (const record of read('dspace-erasmus_ListRecords-oai_dc.xml').records) {
      const fields = fromOaiDc(record.metadata!.node);
      for (const language of fields.languages ?? []) expect(language).toMatch(/^[a-z]{2,3}(-[A-Z]{2})?$/);
      for (const title of fields.title) expect(title.value.length).toBeGreaterThan(0);
    }
  });
});

describe('MARCXML (marc21) as a library record, through the MARC crosswalk', () => {
  it.each([
    ['alma_ListRecords-marc21.xml', 100],
    ['pod-stanford_ListRecords-marc21.xml', 3],
    ['loc-memory_GetRecord-marc21.xml', 1],
  ])('reads every record of %s', (name, count) => {
    const records = read(name).records.filter((record) => record.metadata);
    expect(records).toHaveLength(count);
    for (const record of records) {
      const fields = fromMarcXml(record.metadata!.node, 'https://example.org/oai');
      expect(fields.title[0]?.value).toMatch(/\S/);
      expect(fields.library?.origin).toBeUndefined();
    }
  });

  it('keeps the leader and the fixed fields by position, spaces included', () => {
    const node = read('pod-stanford_ListRecords-marc21.xml').records[1]!.metadata!.node;
    const marc = toMarcRecord(node);
    expect(marc.leader).toBe('10873cam a22004693i 4500');
    expect(marc.fields.find((field) => field.tag === '006')).toEqual({ tag: '006', value: 'm     o  d |      ' });
    const fields = fromMarcXml(node, 'https://pod.stanford.edu/oai');
    expect(fields.languages).toEqual(['en']);
    expect(fields.date).toBe('2017');
  });

  it('refuses INSPIRE\'s conference records, which have no title (245), with that reason', () => {
    for (const record of read('inspire_ListRecords-marcxml.xml').records) {
      expect(() => fromMarcXml(record.metadata!.node, 'https://inspirehep.net/oai2d')).toThrow(/MARC: the record has no title \(245 \$a\)/);
    }
  });

  it('refuses a record with a broken leader, naming the reason', () => {
    expect(() => fromMarcXml({ leader: 'short' }, 'x')).toThrow(HarvestRefusedError);
  });
});
