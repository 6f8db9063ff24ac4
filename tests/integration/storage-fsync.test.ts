import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fdPath, parseStrace, quotedPaths, straceUnavailable, type Syscall } from '../support/strace.ts';

const CHILD = join(import.meta.dirname, '..', 'support', 'storage-put-child.ts');
const KEY = 'originals/ab/cd';
const SYNCS = new Set(['fsync', 'fdatasync']);
const RENAMES = new Set(['rename', 'renameat', 'renameat2']);
const unavailable = straceUnavailable();

/**
 * Durability of a committed write. SIGKILL keeps the page cache, so the crash tests
 * cannot tell a write that was fsynced from one that was not; only a power cut can. So
 * this test watches the system calls of a real `put` (strace, in a child process) and
 * checks the order a power cut needs: the file's data is fsynced before the rename makes
 * it visible, and the folder holding the new name is fsynced after the rename and before
 * `put` resolves. The same for the sidecar holding the content type and hash.
 */
describe.skipIf(unavailable !== null)(`filesystem storage fsyncs a write before it is visible and its folder before put resolves${unavailable === null ? '' : ` (skipped: ${unavailable})`}`, () => {
  let work: string;
  let root: string;
  let calls: Syscall[];
  let begins: Syscall;
  let resolved: Syscall;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'disan-fsync-'));
    root = join(work, 'root');
    const markers = join(work, 'markers');
    await mkdir(markers);
    const trace = join(work, 'trace');
    await promisify(execFile)('strace', [
      '-f', '-qq', '-y', '-e', 'trace=fsync,fdatasync,rename,renameat,renameat2,openat', '-o', trace,
      process.execPath, '--no-warnings', CHILD, root, KEY, markers,
    ]);
    calls = parseStrace(await readFile(trace, 'utf8'));
    const marker = (name: string) => calls.find((call) => call.name === 'openat' && quotedPaths(call)[0] === join(markers, name));
    begins = marker('put-begins')!;
    resolved = marker('put-resolved')!;
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('traced the put between its markers', () => {
    expect(begins, 'the put-begins marker in the trace').toBeDefined();
    expect(resolved, 'the put-resolved marker in the trace').toBeDefined();
    expect(begins.end).toBeLessThan(resolved.start);
  });

  it('fsyncs the parent of every folder the put created, before put resolves', () => {
    const during = calls.filter((call) => call.start > begins.end && call.end < resolved.start);
    // The put created originals/ and originals/ab/ in an empty storage folder.
    for (const parent of [root, join(root, 'originals')]) {
      expect(during.find((call) => SYNCS.has(call.name) && fdPath(call) === parent), `fsync of ${parent}, the parent of a folder the put created`).toBeDefined();
    }
  });

  it.each([
    ['the data file', () => join(root, KEY)],
    ['the sidecar', () => join(root, '.meta', `${KEY}.json`)],
  ])('%s: fsynced under its temp name before the rename, its folder fsynced after it and before put resolves', (_, destination) => {
    const target = destination();
    const during = calls.filter((call) => call.start > begins.end && call.end < resolved.start);
    const rename = during.find((call) => RENAMES.has(call.name) && quotedPaths(call).at(-1) === target);
    expect(rename, `a rename into ${target} during the put`).toBeDefined();
    const temp = quotedPaths(rename!)[0]!;
    expect(temp.startsWith(join(root, '.tmp'))).toBe(true);

    const syncedBefore = during.find((call) => SYNCS.has(call.name) && fdPath(call) === temp && call.end < rename!.start);
    expect(syncedBefore, `fsync of ${temp} before it is renamed into place`).toBeDefined();
    const folderSynced = during.find((call) => SYNCS.has(call.name) && fdPath(call) === dirname(target) && call.start > rename!.end);
    expect(folderSynced, `fsync of the folder ${dirname(target)} after the rename, before put resolves`).toBeDefined();
  });
});
