import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditCsv, neutralizeCell } from './audit-log.ts';
import { canonicalJson, chainHash } from './audit.ts';

describe('the audit CSV', () => {
  it.each(['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx'])('neutralises a cell beginning %j', (cell) => {
    expect(neutralizeCell(cell)).toBe(`'${cell}`);
  });
  it('leaves ordinary cells alone', () => {
    expect(neutralizeCell('item.update')).toBe('item.update');
    expect(neutralizeCell('a=b')).toBe('a=b');
  });
  it('writes a header and one row per entry, a target that looks like a formula neutralised', () => {
    const csv = auditCsv(
      [{ id: 1, at: '2026-01-01T00:00:00.000Z', actor: 'u1', action: 'user.update', target: '=HYPERLINK("http://x")', details: { name: '@evil' }, address: '::1', requestId: null, hash: 'ab' }],
      { header: true },
    );
    const rows: string[][] = parse(csv);
    expect(rows[0]).toEqual(['id', 'at', 'actor', 'action', 'target', 'address', 'requestId', 'details', 'hash']);
    expect(rows[1]![4]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[1]![6]).toBe('');
    expect(rows[1]![7]).toBe('{"name":"@evil"}');
  });
});

describe('the audit chain hash', () => {
  const entry = { at: '2026-01-01T00:00:00.000Z', actor: 'cli', action: 'user.create', target: 'u1', details: { b: 1, a: [2, { d: 3, c: 4 }] }, address: null, requestId: null };
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
    expect(chainHash('', entry)).toBe(chainHash('', { ...entry, details: { a: [2, { c: 4, d: 3 }], b: 1 } }));
  });
  it('changes with the previous hash and with any field', () => {
    const base = chainHash('', entry);
    expect(chainHash('00', entry)).not.toBe(base);
    expect(chainHash('', { ...entry, details: { b: 2, a: [2, { d: 3, c: 4 }] } })).not.toBe(base);
    expect(chainHash('', { ...entry, address: '10.0.0.1' })).not.toBe(base);
  });
});
