import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside, walk } from './walk.ts';

describe('walk and resolveInside', () => {
  let root: string;
  let outside: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'disan-walk-'));
    outside = await mkdtemp(join(tmpdir(), 'disan-outside-'));
    await mkdir(join(root, 'sub'));
    await writeFile(join(root, 'a.jpg'), 'a');
    await writeFile(join(root, 'sub', 'ảnh.jpg'), 'b');
    await writeFile(join(root, '.hidden'), 'c');
    await writeFile(Buffer.concat([Buffer.from(join(root, 'caf')), Buffer.from([0xe9]), Buffer.from('.jpg')]), 'd');
    await mkdir(join(root, 'words', 'audio'), { recursive: true });
    await writeFile(join(root, 'words', 'entries.jsonl'), '{}');
    await writeFile(join(root, 'words', 'audio', 'a.opus'), 'e');
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await symlink(join(outside, 'secret.txt'), join(root, 'link.txt'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('finds every regular file, skips hidden ones, refuses symlinks, and opens non-UTF-8 names', async () => {
    const found = [];
    for await (const entry of walk([root])) found.push(entry);
    const names = found.map((f) => f.relativePath).sort();
    expect(names).toEqual(['a.jpg', 'caf\uFFFD.jpg', 'link.txt', 'sub/ảnh.jpg']);
    expect(found.find((f) => f.relativePath === 'link.txt')).toMatchObject({ reason: /symbolic links/ });
    const latin1 = found.find((f) => f.relativePath.startsWith('caf'));
    expect(latin1 && 'path' in latin1 && latin1.path.includes(0xe9)).toBe(true);
  });

  it('leaves alone a subfolder carrying its own JSON Lines file (an import set), but not the folder given', async () => {
    const found = [];
    for await (const entry of walk([root])) found.push(entry.relativePath);
    expect(found.some((name) => name.startsWith('words/'))).toBe(false);
    const inside = [];
    for await (const entry of walk([join(root, 'words')])) inside.push(entry.relativePath);
    expect(inside.sort()).toEqual(['audio/a.opus', 'entries.jsonl']);
  });

  it('marks files named directly as given, and files found in folders as not', async () => {
    const found = [];
    for await (const entry of walk([join(root, 'a.jpg'), join(root, 'sub')], root)) found.push(entry);
    expect(found.map((f) => [f.relativePath, 'given' in f && f.given])).toEqual([
      ['a.jpg', true],
      ['ảnh.jpg', false], // a folder given directly is its own root
    ]);
  });

  it('reports a missing input instead of throwing', async () => {
    const found = [];
    for await (const entry of walk([join(root, 'nope')])) found.push(entry);
    expect(found).toEqual([{ relativePath: join(root, 'nope'), reason: 'no such file or folder' }]);
  });

  it.each([
    ['../../etc/passwd', /outside/],
    ['/etc/passwd', /outside/],
    ['sub/../../x', /outside/],
    ['link.txt', /points outside/],
    ['missing.jpg', /does not exist/],
    ['a\0.jpg', /NUL/],
  ])('refuses %s', async (named, reason) => {
    expect(await resolveInside(root, named)).toMatchObject({ reason: expect.stringMatching(reason) as unknown });
  });

  it('accepts a file inside, however it is written', async () => {
    expect(await resolveInside(root, './sub/../sub/ảnh.jpg')).toEqual({ path: join(root, 'sub', 'ảnh.jpg') });
  });
});
