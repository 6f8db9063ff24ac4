import type { AuditFilters } from '../api/account-client.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The audit page's filters from its address: text as typed (bounded), dates only as
 * YYYY-MM-DD. `to` is a whole day, as a person means it.
 * @example auditFilters(new URLSearchParams('action=auth.sign-in&from=2026-01-02&to=x')) // { actor: undefined, target: undefined, action: 'auth.sign-in', from: '2026-01-02', to: undefined }
 */
export function auditFilters(params: URLSearchParams): Omit<AuditFilters, 'limit' | 'offset'> {
  const text = (name: string) => {
    const value = (params.get(name) ?? '').trim().slice(0, 200);
    return value === '' ? undefined : value;
  };
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return DATE.test(value) ? value : undefined;
  };
  return { actor: text('actor'), target: text('target'), action: text('action'), from: date('from'), to: date('to') };
}

/**
 * An entry's details as short "name: value" text for the table (never as HTML).
 * @example detailsText({ roles: ['admin'], via: 'site' }) // 'roles: ["admin"] · via: site'
 */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ')
    .slice(0, 500);
}
