/**
 * One real `put` on the filesystem storage, for a test that traces this process's
 * system calls: `node tests/support/storage-put-child.ts <root> <key> <markers-dir>`.
 * It opens `<markers-dir>/put-begins` before the put and `<markers-dir>/put-resolved`
 * once the put has resolved, so the trace shows where the put starts and ends
 * (opening a file is a traced system call; the storage's start-up writes come before).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createStorage } from '@disan/ingest/storage';

const [root, key, markers] = process.argv.slice(2);
if (root === undefined || key === undefined || markers === undefined) throw new Error('usage: storage-put-child.ts <root> <key> <markers-dir>');

const storage = await createStorage({ driver: 'filesystem', root });
await writeFile(join(markers, 'put-begins'), '');
await storage.put(key, Buffer.from('an original, bit for bit'), { contentType: 'text/plain' });
await writeFile(join(markers, 'put-resolved'), '');
await storage.close();
