/**
 * The Nu HTML checker (npm vnu-jar, run with Java) over a set of pages: the pages are
 * saved into one folder and checked in one run, so Java starts once.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const VNU_JAR = join(import.meta.dirname, '..', '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

interface VnuMessage { type: string; url?: string; lastLine?: number; message: string; extract?: string }

/** A page to check: a file name that says what it is (`vi-item-film.html`) and its HTML. */
export interface SavedPage { name: string; html: string }

/** Every error the checker finds in the pages, one readable line each (empty = valid HTML). */
export async function htmlErrors(pages: readonly SavedPage[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'disan-vnu-'));
  try {
    for (const page of pages) await writeFile(join(dir, page.name), page.html);
    const output = await promisify(execFile)('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', dir], { maxBuffer: 64 * 1024 * 1024 }).then(
      (done) => done.stderr,
      (failed: unknown) => (failed as { stderr?: string }).stderr ?? '',
    );
    const { messages } = JSON.parse(output) as { messages: VnuMessage[] };
    return messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => `${basename(m.url ?? '?')}:${String(m.lastLine ?? '?')}: ${m.message}${m.extract ? ` — ${m.extract.trim()}` : ''}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every kind of page the site has, by the sample archive's records. */
export const PAGE_TYPES: readonly (readonly [string, string])[] = [
  ['home', '/'],
  ['browse', '/browse'],
  ['people', '/people/khmer'],
  ['kind', '/kind/festival'],
  ['collections', '/collections'],
  ['collection', '/collection/khmer-festivals'],
  ['search-results', '/search?q=le+hoi'],
  ['search-empty', '/search?q=zzqqxxnothing'],
  ['item-photo', '/item/ok-om-bok-soc-trang'],
  ['item-film', '/item/dua-ghe-ngo-soc-trang'],
  ['item-recording', '/item/chua-doi-mahatup'],
  ['item-document', '/item/bao-cao-bao-ton-ok-om-bok'],
  ['item-metadata-only', '/item/kathina-dang-y'],
  ['calendar', '/calendar?month=2025-11&group=khmer'],
  ['about', '/about'],
  ['sign-in', '/sign-in'],
  ['forgot-password', '/forgot-password'],
  ['not-found', '/item/khong-co-muc-nay'],
];

/**
 * The pages about people, as a signed-in admin sees them (people.test.ts checks them in
 * every language, and the states a form leads to as they happen).
 */
export const PEOPLE_PAGE_TYPES: readonly (readonly [string, string])[] = [
  ['account', '/account'],
  ['account-password', '/account/password'],
  ['account-security', '/account/security'],
  ['account-sessions', '/account/sessions'],
  ['account-tokens', '/account/tokens'],
  ['admin-users', '/admin/users'],
  ['admin-invite', '/admin/users/new'],
  ['admin-communities', '/admin/communities'],
  ['admin-audit', '/admin/audit'],
  ['sign-out', '/sign-out'],
];

/**
 * The workspace's import pages, as a signed-in archivist sees them (workspace-uploads.test.ts
 * checks them with axe-core and the Nu checker in every language).
 */
export const WORKSPACE_IMPORT_PAGE_TYPES: readonly (readonly [string, string])[] = [
  ['import', '/workspace/import'],
  ['import-marc', '/workspace/import-marc'],
];

/**
 * The harvest admin pages (harvest-admin.test.ts checks them with axe-core and the Nu checker
 * in every language); `{source}` is the id of the source the test adds.
 */
export const HARVEST_PAGE_TYPES: readonly (readonly [string, string])[] = [
  ['admin-harvest', '/admin/harvest'],
  ['admin-harvest-source', '/admin/harvest/{source}'],
];

/**
 * The coverage pages (coverage.test.ts checks them with axe-core and the Nu checker in every
 * language); `{target}` is the id of the target the test adds.
 */
export const COVERAGE_PAGE_TYPES: readonly (readonly [string, string])[] = [
  ['coverage', '/coverage'],
  ['admin-coverage', '/admin/coverage'],
  ['admin-coverage-target', '/admin/coverage/{target}'],
];
