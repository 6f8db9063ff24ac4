import { describe, expect, it } from 'vitest';
import { readFilter, toSqlWhere, type AccessColumns, type Viewer } from './index.ts';

const columns: AccessColumns = { status: 's', level: 'l', embargoUntil: 'e', communities: 'c' };
const now = new Date('2026-11-22T23:30:00Z');

describe('toSqlWhere', () => {
  it('lets everything or nothing through without parameters', () => {
    expect(toSqlWhere(true, columns, { now })).toEqual({ sql: 'TRUE', params: [] });
    expect(toSqlWhere(false, columns, { now })).toEqual({ sql: 'FALSE', params: [] });
    expect(toSqlWhere([], columns, { now })).toEqual({ sql: 'FALSE', params: [] });
  });

  it('numbers its placeholders from firstParam, today (UTC) first, in the order of its parameters', () => {
    const member: Viewer = { kind: 'user', roles: ['member'], communities: ['khmer-soc-trang'] };
    const { sql, params } = toSqlWhere(readFilter(member), columns, { now, firstParam: 3 });
    expect(params).toEqual(['2026-11-22', ['published'], ['public', 'metadata-only'], ['published'], ['community'], ['khmer-soc-trang']]);
    expect(sql.match(/\$\d+/g)?.map((p) => Number(p.slice(1))).sort((a, b) => a - b).at(-1)).toBe(3 + params.length - 1);
    expect(sql).toContain("l = 'embargo' AND e <= $3::text THEN 'public'");
    expect(sql).toContain('c ?| $8::text[]');
  });
});
