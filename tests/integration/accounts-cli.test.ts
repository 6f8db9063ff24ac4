import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPglite } from '@disan/ingest/database';
import { main } from '../../ingest/src/cli/main.ts';
import { readMail, startSmtp, type LocalSmtp } from './smtp.ts';

/** Runs the disan command's main function, capturing what it prints. */
async function disan(env: NodeJS.ProcessEnv, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv, env);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('disan users and disan audit', () => {
  let dataDir: string;
  let smtp: LocalSmtp;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'disan-accounts-cli-'));
    smtp = await startSmtp();
    env = { DISAN_DATA_DIR: dataDir, DISAN_PUBLIC_URL: 'https://heritage.example.org', DISAN_SMTP_URL: smtp.url, DISAN_MAIL_FROM: 'Disan <archive@example.org>' };
  });
  afterAll(async () => {
    await smtp.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds the first admin with a one-time link (no terminal here), printed and mailed in the account\'s language', async () => {
    const run = await disan(env, 'users', 'add', 'ana@example.org', '--name', 'Ana Trần', '--role', 'admin', '--role', 'archivist', '--language', 'en');
    expect(run.code).toBe(0);
    const url = /https:\/\/heritage\.example\.org\/en\/welcome\/[A-Za-z0-9_-]{43}/.exec(run.stdout)?.[0];
    expect(url).toBeDefined();
    expect(run.stdout).toMatch(/created ana@example\.org \(admin, archivist\), invited/);
    expect(run.stdout).toMatch(/mailed to ana@example\.org/);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['ana@example.org']);
    expect(smtp.received[0]!.raw).toMatch(/Subject: You are invited to Disan/);
    // Quoted-printable may fold long lines: compare without soft line breaks.
    expect(smtp.received[0]!.raw.replace(/=\r?\n/g, '')).toContain(url);
  });

  it('refuses a taken email and an unknown role, exiting 1', async () => {
    expect((await disan(env, 'users', 'add', 'ANA@example.org', '--name', 'Again', '--role', 'admin')).stderr).toMatch(/already exists/);
    const run = await disan(env, 'users', 'add', 'bo@example.org', '--name', 'Bo', '--role', 'superuser');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown role superuser/);
  });

  it('lists and disables accounts, mailing the holder that their account was disabled', async () => {
    expect((await disan(env, 'users', 'list')).stdout).toMatch(/ana@example\.org\tAna Trần\tinvited\tadmin, archivist\tlast sign-in never/);
    expect((await disan(env, 'users', 'disable', 'ana@example.org')).stdout).toMatch(/disabled ana@example\.org/);
    // The archive mails the holder before it closes: the command's exit leaves no notice behind.
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.to).toEqual(['ana@example.org']);
    expect(readMail(smtp.received[1]!.raw).subject).toBe('Your Disan account was disabled');
    expect((await disan(env, 'users', 'list')).stdout).toMatch(/ana@example\.org\tAna Trần\tdisabled/);
    expect((await disan(env, 'users', 'disable', 'nobody@example.org')).code).toBe(1);
  });

  it('verifies the audit trail, then names the entry whose details were changed in the database', async () => {
    const sound = await disan(env, 'audit', 'verify');
    expect(sound.code).toBe(0);
    const checked = Number(/(\d+) entries checked, head hash [0-9a-f]{64}/.exec(sound.stdout)?.[1]);
    expect(checked).toBeGreaterThanOrEqual(3);

    const db = await openPglite(join(dataDir, 'catalog'));
    let tampered: number;
    try {
      const [row] = await db.query<{ id: unknown }>(`SELECT id FROM audit_log WHERE action = 'role.change' OR action = 'user.create' ORDER BY id LIMIT 1`);
      tampered = Number(row!.id);
      await db.query(`UPDATE audit_log SET details = jsonb_set(details, '{roles}', '["researcher"]') WHERE id = $1`, [tampered]);
    } finally {
      await db.close();
    }
    const broken = await disan(env, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`broken at entry ${tampered}: its content does not match its hash`);
  });
});
