import type { HarvestSource } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { ApiNotFoundError, ApiRefusal } from '../api/errors.ts';
import { apiSourceErrors, NEW_SOURCE, sourceBody, sourceChanges, sourceErrors, sourceName, sourceValues } from './source-form.ts';

const source: HarvestSource = {
  id: '0b7e7c5e-3f7a-4a51-9a1e-2f0a4f3c9d11',
  baseUrl: 'https://thuvien.example.vn/oai',
  metadataPrefix: 'oai_dc',
  set: 'kind:book',
  intervalHours: 24,
  enabled: true,
  recordStatus: 'published',
  createdBy: 'user:u-1',
  createdAt: '2026-12-02T08:00:00.000Z',
  records: 12,
  running: false,
};
const apiRefusal = (status: number, message: string) => ApiRefusal.from(status, JSON.stringify({ error: { status, code: 'invalid', message } }), null, 'refused');

describe('the harvest source form', () => {
  it('sends the hours as a number and leaves an empty set out', () => {
    expect(sourceBody({ ...NEW_SOURCE, baseUrl: 'https://a.example/oai', intervalHours: '6' })).toEqual({ baseUrl: 'https://a.example/oai', metadataPrefix: 'oai_dc', intervalHours: 6, enabled: true, recordStatus: 'published' });
  });

  it.each([
    ['a good form', { baseUrl: 'http://127.0.0.1:4321/oai', set: 'kind:book', intervalHours: '1' }, {}],
    ['an empty address', { baseUrl: '' }, { baseUrl: 'form.required' }],
    ['an empty address and bad hours, both named', { baseUrl: '', intervalHours: '0' }, { baseUrl: 'form.required', intervalHours: 'harvest.error.intervalHours' }],
    ['another protocol', { baseUrl: 'ftp://thuvien.example.vn/oai' }, { baseUrl: 'harvest.error.baseUrl' }],
    ['an address with a query', { baseUrl: 'https://a.example/oai?verb=Identify' }, { baseUrl: 'harvest.error.baseUrl' }],
    ['a set with spaces', { baseUrl: 'https://a.example/oai', set: 'kind book' }, { set: 'harvest.error.set' }],
    ['hours as words', { baseUrl: 'https://a.example/oai', intervalHours: 'daily' }, { intervalHours: 'harvest.error.intervalHours' }],
    ['more hours than a year', { baseUrl: 'https://a.example/oai', intervalHours: '9000' }, { intervalHours: 'harvest.error.intervalHours' }],
    ['a tampered format', { baseUrl: 'https://a.example/oai', metadataPrefix: 'mods' }, { metadataPrefix: 'form.invalid' }],
  ] as const)('checks %s with the API\'s own schema', (_name, change, expected) => {
    const errors = sourceErrors({ ...NEW_SOURCE, ...change });
    expect(Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, message && 'id' in message ? message.id : '']))).toEqual(expected);
  });

  it('shows the API\'s refusal beside the field it names, a conflict beside the address, anything else above the form', () => {
    expect(apiSourceErrors(apiRefusal(400, 'body field "intervalHours" must be >= 1'))).toEqual({ intervalHours: { id: 'harvest.error.intervalHours' } });
    expect(apiSourceErrors(apiRefusal(400, 'body field "baseUrl" must match pattern "^https?://[^?#\\s]+$"'))).toEqual({ baseUrl: { id: 'harvest.error.baseUrl' } });
    expect(apiSourceErrors(apiRefusal(409, 'A source already harvests https://a.example/oai (oai_dc)'))).toEqual({ baseUrl: { id: 'harvest.taken' } });
    expect(apiSourceErrors(apiRefusal(403, 'csrf'))).toEqual({ form: { id: 'form.expired' } });
    expect(apiSourceErrors(new ApiNotFoundError('/api/harvest-sources/x'))).toEqual({ form: { id: 'form.gone' } });
  });

  it('changes only what was changed, so an unchanged address does not start the source again', () => {
    expect(sourceChanges(sourceValues(source), source)).toEqual({});
    expect(sourceChanges({ ...sourceValues(source), intervalHours: '6', enabled: false }, source)).toEqual({ intervalHours: 6, enabled: false });
    expect(sourceChanges({ ...sourceValues(source), set: '' }, source)).toEqual({ set: null });
    expect(sourceChanges({ ...sourceValues(source), baseUrl: 'https://khac.example.vn/oai' }, source)).toEqual({ baseUrl: 'https://khac.example.vn/oai' });
  });

  it('names a source by its host', () => {
    expect(sourceName(source)).toBe('thuvien.example.vn');
    expect(sourceName({ baseUrl: 'http://127.0.0.1:4321/oai' })).toBe('127.0.0.1:4321');
  });
});
