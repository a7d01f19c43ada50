import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

/** Runs the real CLI entry point, as an operator would with `npm run vitrine -- staff:create`. */
function vitrine(args: string[], dataDir: string, stdin: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env },
    timeout: 60_000,
  });
}

// Each case starts the real CLI (tsx compiles it) up to four times; on a busy two-core machine that
// takes more than the default 20 s, so the cases get the time their child processes are allowed.
describe('npm run vitrine -- staff:create', { timeout: 240_000 }, () => {
  it('creates the first owner with the password read from standard input, hashed, two-factor still to set up', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-cli-'));
    const result = vitrine(
      ['staff:create', '--role', 'owner', '--email', 'Camille@CodeAcademy.example', '--name', 'Camille Roux'],
      dataDir,
      'ledger lantern orchard 42\n',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Staff account created: Camille Roux <Camille@CodeAcademy.example>, role owner.');
    const db = new Database(path.join(dataDir, 'vitrine.sqlite'), { readonly: true });
    const row = db.prepare('select * from accounts_staff').get() as Record<string, unknown>;
    db.close();
    expect(row).toMatchObject({ email_key: 'camille@codeacademy.example', role: 'owner', totp_enabled_at: null });
    expect(String(row.password_hash)).toMatch(/^\$argon2id\$/);
  });

  it('prints the sign-in address from the server’s settings (PUBLIC_URL, else HOST and PORT) and says which', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-cli-'));
    const port = vitrine(
      ['staff:create', '--role', 'owner', '--email', 'a@codeacademy.example'],
      dataDir,
      'ledger lantern orchard 42\n',
      { PORT: '8123' },
    );
    expect(port.stdout).toContain('Sign in at http://127.0.0.1:8123/admin/sign-in');
    expect(port.stdout).toContain('PUBLIC_URL is not set, so this address is http://HOST:PORT');
    const publicUrl = vitrine(
      ['staff:create', '--role', 'owner', '--email', 'b@codeacademy.example'],
      dataDir,
      'ledger lantern orchard 42\n',
      {
        PORT: '8123',
        PUBLIC_URL: 'https://shop.example/',
      },
    );
    expect(publicUrl.stdout).toContain('Sign in at https://shop.example/admin/sign-in');
    expect(publicUrl.stdout).toContain('This address is PUBLIC_URL');
  });

  it('refuses a weak password or an unknown role, says why, and creates nothing', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-cli-'));
    const weak = vitrine(
      ['staff:create', '--role', 'owner', '--email', 'a@codeacademy.example'],
      dataDir,
      'password1\n',
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('password: Use at least 10 characters');
    const role = vitrine(
      ['staff:create', '--role', 'boss', '--email', 'a@codeacademy.example'],
      dataDir,
      'ledger lantern orchard 42\n',
    );
    expect(role.status).toBe(1);
    expect(role.stderr).toContain('role: Choose one of the roles');
    const db = new Database(path.join(dataDir, 'vitrine.sqlite'), { readonly: true });
    expect(db.prepare('select count(*) as n from accounts_staff').get()).toEqual({ n: 0 });
    db.close();
    expect(vitrine(['staff:create'], dataDir, '').stderr).toContain('Usage: npm run vitrine -- staff:create --role');
  });
});
