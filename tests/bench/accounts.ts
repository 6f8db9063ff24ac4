import { performance } from 'node:perf_hooks';
import { ARGON2_MEMORY_KIB, ARGON2_PARALLELISM, ARGON2_TIME_COST, hashPassword, verifyPassword } from '@disan/ingest/accounts';
import { loadConfig } from '@disan/ingest/config';
import { buildApp } from '../../api/src/app.ts';
import { addAccount, signIn } from '../support/accounts.ts';
import { temporaryArchive } from '../support/archive.ts';
import { fillArchive } from './api.ts';
import { load } from './load.ts';

/** Items in the archive: enough for related items and collection counts to cost what they do. */
const ITEMS = 500;
const HASHES = 20;
const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 5);
/** Rounds alternate the public and the archivist; each keeps its best, so a slow moment of the machine hits neither alone. */
const ROUNDS = 3;

/**
 * What accounts cost. argon2id at the parameters the engine uses (hashing is sign-in
 * and password changes; verifying is every sign-in). And `GET /api/items/:id` for an
 * archivist signed in with the session cookie against the same request by the public,
 * the public cache off so both build their answer: the ratio is what a session costs
 * (the session's one catalog read, the account from the viewer's short cache).
 * Target: at least 0.8.
 */
export async function benchAccounts(): Promise<{ label: string; value: string }[]> {
  const timings = await argon2Timings();
  const { archive, dataDir, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' });
  const app = await buildApp({ archive, config: loadConfig({ DISAN_DATA_DIR: dataDir, DISAN_RATE_LIMIT: '1000000', DISAN_API_CACHE_SECONDS: '0', LOG_LEVEL: 'silent' }), logger: false });
  try {
    await fillArchive(archive, ITEMS);
    await addAccount(archive, { email: 'archivist@example.org', roles: ['archivist'] });
    await addAccount(archive, { email: 'researcher@example.org', roles: ['researcher'] });
    const { cookie } = await signIn(app, 'archivist@example.org');
    const researcherCookie = (await signIn(app, 'researcher@example.org')).cookie;
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `${base}/api/items/item-${ITEMS / 2}`;
    const run = async (headers: Record<string, string>) => {
      const result = await load({ url, connections: 10, durationSeconds: DURATION_S, headers });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      return result;
    };
    type Result = Awaited<ReturnType<typeof run>>;
    const best = (a: Result | undefined, b: Result) => (a && a.requests.average >= b.requests.average ? a : b);
    // The answers must differ only in who asks: the archivist's is private, the public's not.
    const check = await fetch(url, { headers: { cookie } });
    if (check.headers.get('cache-control') !== 'private, no-store') throw new Error('the archivist was not signed in: the bench would measure the public twice');
    let visitor: Result | undefined;
    let archivist: Result | undefined;
    let researcher: Result | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      visitor = best(visitor, await run({}));
      archivist = best(archivist, await run({ cookie }));
      researcher = best(researcher, await run({ cookie: researcherCookie }));
    }
    if (!visitor || !archivist || !researcher) throw new Error('no bench rounds ran');
    const line = (label: string, r: Result) => ({ label, value: `${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms` });
    return [
      { label: `argon2id hash (m=${ARGON2_MEMORY_KIB} KiB, t=${ARGON2_TIME_COST}, p=${ARGON2_PARALLELISM})`, value: `${timings.hash.toFixed(1)} ms (mean of ${HASHES})` },
      { label: 'argon2id verify', value: `${timings.verify.toFixed(1)} ms (mean of ${HASHES})` },
      line(`GET /api/items/:id, public, cache off (${ITEMS} items)`, visitor),
      line('GET /api/items/:id, archivist (session)', archivist),
      { label: 'archivist / public, cache off', value: `${(archivist.requests.average / visitor.requests.average).toFixed(2)}× (target ≥ 0.8)` },
      // Staff read with no access filter, which is cheaper than the public's: a researcher's
      // filter is like the public's, so this ratio is closer to the session's own cost.
      line('GET /api/items/:id, researcher (session)', researcher),
      { label: 'researcher / public, cache off', value: `${(researcher.requests.average / visitor.requests.average).toFixed(2)}×` },
    ];
  } finally {
    await app.close();
    await dispose();
  }
}

async function argon2Timings(): Promise<{ hash: number; verify: number }> {
  const password = 'a passphrase of ordinary length 2026';
  const stored = await hashPassword(password);
  let hashing = 0;
  let verifying = 0;
  for (let i = 0; i < HASHES; i++) {
    const start = performance.now();
    await hashPassword(password);
    hashing += performance.now() - start;
    const middle = performance.now();
    if (!(await verifyPassword(stored, password))) throw new Error('argon2 verify refused the right password');
    verifying += performance.now() - middle;
  }
  return { hash: hashing / HASHES, verify: verifying / HASHES };
}
