import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../server/config';
import { openEmbedded } from '../server/db/client';
import { users } from '../server/db/schema/auth';
import { verifyPassword } from '../server/platform/auth/passwords';
import { buildAgency, buildUser, createTestEnv, type TestEnv } from '../server/test/harness';
import {
  agencyCreateCommand,
  auditVerifyCommand,
  backupCommand,
  type CommandDeps,
  restoreCommand,
  seedDemoCommand,
  userCreateCommand,
  userResetTotpCommand,
} from './commands';
import { DataDirBusyError, LOCK_FILE, lockDataDir } from './data-dir-lock';
import { CliError, requireCurrentSchema } from './database';
import { describeError } from './errors';
import { openapiCommand, renderOpenapi } from './openapi';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'pora-cli-'));
const config = { ...loadConfig({}), dataDir: dir, secretKeyHex: randomBytes(32).toString('hex') };

function capture(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), readStdin: async () => stdin };
  return { io, out, err, text: () => [...out, ...err].join('\n') };
}

describe('the pora binary', () => {
  it('runs through bin/pora.mjs and prints help in Bahasa Indonesia', () => {
    const result = spawnSync(process.execPath, ['bin/pora.mjs', '--help'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Penggunaan: pora');
    for (const command of ['serve', 'migrate', 'seed', 'user', 'audit', 'backup', 'restore', 'openapi']) {
      expect(result.stdout).toContain(command);
    }
  });

  it('ends with one clear line and a non-zero exit code on bad configuration', () => {
    const result = spawnSync(process.execPath, ['bin/pora.mjs', 'migrate'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PORA_SECRET_KEY: 'not-hex', DATABASE_URL: '' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^pora: konfigurasi tidak sah: PORA_SECRET_KEY/),
    ]);
  });
});

describe('commands on a database', () => {
  let env: TestEnv;
  let deps: (io: ReturnType<typeof capture>['io']) => CommandDeps;
  beforeAll(async () => {
    env = await createTestEnv();
    deps = (io) => ({ database: env.database, config, io });
  });
  afterAll(async () => {
    await env.close();
  });

  it('seed demo loads once and then reports that nothing changed', async () => {
    const first = capture();
    expect(await seedDemoCommand(deps(first.io), { force: false })).toBe(0);
    expect(first.text()).toContain('admin@demo.pora.id');
    expect(first.text()).toContain(path.join(dir, 'demo-accounts.txt'));
    const second = capture();
    expect(await seedDemoCommand(deps(second.io), { force: false })).toBe(0);
    expect(second.text()).toContain('sudah dimuat');
  });

  it('user create with --password-stdin sets a policy-checked password of the user’s own', async () => {
    const c = capture('Kopi-Dempo-Pagi-2026\n');
    const code = await userCreateCommand(deps(c.io), {
      email: 'Budi.Santoso@Example.go.id',
      name: 'Budi Santoso',
      role: ['analyst', 'field_officer'],
      agency: 'kepolisian resor lahat',
      passwordStdin: true,
    });
    expect(code).toBe(0);
    expect(c.text()).not.toContain('sekali pakai');
    const [row] = await env.database.db.select().from(users).where(eq(users.email, 'budi.santoso@example.go.id'));
    expect(row?.roles).toEqual(['analyst', 'field_officer']);
    expect(row?.mustChangePassword).toBe(false);
    expect(await verifyPassword(row?.passwordHash ?? '', 'Kopi-Dempo-Pagi-2026')).toBe(true);

    const weak = capture('password12345\n');
    const error = await userCreateCommand(deps(weak.io), {
      email: 'lemah@example.go.id',
      name: 'Lemah',
      role: ['analyst'],
      agency: 'Kepolisian Resor Lahat',
      passwordStdin: true,
    }).catch((e: unknown) => e);
    expect(describeError(error)).toMatch(/terlalu umum/);
  });

  it('agency create makes the agency for a first administrator', async () => {
    const c = capture();
    const input = { name: 'Kantor Imigrasi Kelas I TPI Palembang', kind: 'imigrasi', region: '16.71' };
    expect(await agencyCreateCommand(deps(c.io), input)).toBe(0);
    expect(c.text()).toMatch(/Instansi dibuat: Kantor Imigrasi Kelas I TPI Palembang \(imigrasi, Kota Palembang\)/);
    const unknownKind = await agencyCreateCommand(deps(c.io), { ...input, kind: 'hansip' }).catch((e: unknown) => e);
    expect(describeError(unknownKind)).toBe('jenis instansi tidak dikenal: hansip');
    const unknownArea = await agencyCreateCommand(deps(c.io), { ...input, region: '16.99' }).catch((e: unknown) => e);
    expect(describeError(unknownArea)).toMatch(/kode wilayah tidak dikenal/);
  });

  it('user create without a password prints a one-time password that must be changed', async () => {
    const byName = capture();
    await userCreateCommand(deps(byName.io), {
      email: 'admin.palembang@example.go.id',
      name: 'Admin Palembang',
      role: ['office_admin'],
      agency: 'Kantor Imigrasi Kelas I TPI Palembang',
      passwordStdin: false,
    });
    expect(byName.text()).toContain('instansi Kantor Imigrasi Kelas I TPI Palembang');
    const agency = await buildAgency(env, { name: 'Kantor Uji Satu' });
    const c = capture();
    await userCreateCommand(deps(c.io), {
      email: 'admin.pertama@example.go.id',
      name: 'Admin Pertama',
      role: ['system_admin'],
      agency: agency.id,
      passwordStdin: false,
    });
    const password = /Kata sandi sekali pakai: (\S+)/.exec(c.text())?.[1] ?? '';
    expect(password).toHaveLength(20);
    expect(c.text()).toContain('wajib memakai 2FA');
    const [row] = await env.database.db.select().from(users).where(eq(users.email, 'admin.pertama@example.go.id'));
    expect(row?.mustChangePassword).toBe(true);
    expect(await verifyPassword(row?.passwordHash ?? '', password)).toBe(true);
  });

  it('user create names the agency problem: unknown, ambiguous, bad role', async () => {
    await buildAgency(env, { name: 'Kantor Kembar' });
    await buildAgency(env, { name: 'Kantor Kembar' });
    const input = { email: 'x@example.go.id', name: 'X', role: ['analyst'], passwordStdin: false };
    const c = capture();
    await expect(userCreateCommand(deps(c.io), { ...input, agency: 'Kantor Entah' })).rejects.toThrow(
      /tidak ditemukan/,
    );
    await expect(userCreateCommand(deps(c.io), { ...input, agency: 'Kantor Kembar' })).rejects.toThrow(
      /ada 2 instansi/,
    );
    await expect(
      userCreateCommand(deps(c.io), { ...input, role: ['kapten'], agency: 'Kantor Kembar' }),
    ).rejects.toBeInstanceOf(CliError);
  });

  it('user reset-2fa removes the second factor', async () => {
    const user = await buildUser(env, { roles: ['office_admin'], totpSecret: 'JBSWY3DPEHPK3PXP' });
    const c = capture();
    expect(await userResetTotpCommand(deps(c.io), { email: user.email.toUpperCase() })).toBe(0);
    const [row] = await env.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.totpEnabledAt).toBeNull();
    expect(row?.totpSecretSealed).toBeNull();
    const again = await userResetTotpCommand(deps(c.io), { email: user.email }).catch((e: unknown) => e);
    expect(describeError(again)).toMatch(/belum memakai 2FA/);
    const missing = await userResetTotpCommand(deps(c.io), { email: 'siapa@example.go.id' }).catch((e: unknown) => e);
    expect(describeError(missing)).toMatch(/tidak ditemukan/);
  });

  it('audit verify reports OK, then the first changed row, then the first missing row', async () => {
    const ok = capture();
    expect(await auditVerifyCommand(deps(ok.io))).toBe(0);
    expect(ok.text()).toMatch(/Log audit utuh: \d+ baris diperiksa, OK\./);

    // The table refuses changes (append-only triggers); someone with the power to lift that is simulated here.
    const tamper = async (statement: ReturnType<typeof sql>) => {
      await env.database.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
        await tx.execute(statement);
        await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      });
    };
    await tamper(sql`UPDATE audit_log SET action = 'user.read' WHERE seq = 3`);
    const changed = capture();
    expect(await auditVerifyCommand(deps(changed.io))).toBe(1);
    expect(changed.text()).toMatch(/RUSAK: baris seq 3 isinya diubah \(2 baris sebelumnya utuh\)/);

    await tamper(sql`DELETE FROM audit_log WHERE seq IN (2, 3)`);
    const missing = capture();
    expect(await auditVerifyCommand(deps(missing.io))).toBe(1);
    expect(missing.text()).toMatch(/RUSAK: baris seq 2 hilang/);
  });
});

describe('backup and restore commands', () => {
  it('back up one database and restore it into an empty one, with the audit chain intact', async () => {
    const source = await createTestEnv();
    const target = await openEmbedded(undefined, new Blob([readFileSync(inject('pgliteTemplate'))]));
    try {
      const file = path.join(dir, 'cli.pora.gz');
      const seeded = capture();
      await seedDemoCommand({ database: source.database, config, io: seeded.io }, { force: false });
      const made = capture();
      expect(await backupCommand({ database: source.database, config, io: made.io }, file)).toBe(0);
      expect(made.text()).toMatch(/Cadangan ditulis ke .*cli\.pora\.gz: \d+ baris dari \d+ tabel/);
      const restored = capture();
      // Same instance secret: no warning about second factors.
      expect(await restoreCommand({ database: target, config, io: restored.io }, file)).toBe(0);
      expect(restored.out.join('\n')).toMatch(/Dipulihkan \d+ baris.*\nLog audit utuh: \d+ baris diperiksa, OK\./);
      expect(restored.err).toEqual([]);

      const otherKey = { ...config, secretKeyHex: randomBytes(32).toString('hex') };
      const fresh = await openEmbedded(undefined, new Blob([readFileSync(inject('pgliteTemplate'))]));
      try {
        const warned = capture();
        await restoreCommand({ database: fresh, config: otherKey, io: warned.io }, file);
        expect(warned.err.join('\n')).toContain('kunci rahasia instans lain');
      } finally {
        await fresh.close();
      }
    } finally {
      await target.close();
      await source.close();
    }
  });
});

describe('openapi', () => {
  it('writes openapi.json and --check fails with a hint once it drifts', async () => {
    const file = path.join(dir, 'openapi.json');
    const rendered = renderOpenapi();
    const render = () => rendered;
    const c = capture();
    expect(await openapiCommand(c.io, { check: true, file, render })).toBe(1);
    expect(await openapiCommand(c.io, { check: false, file, render })).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ openapi: '3.1.0', paths: { '/api/v1/health': expect.any(Object) } });
    expect(await openapiCommand(c.io, { check: true, file, render })).toBe(0);
    writeFileSync(file, text.replace('"3.1.0"', '"3.0.0"'));
    const drift = capture();
    expect(await openapiCommand(drift.io, { check: true, file, render })).toBe(1);
    expect(drift.err.join('\n')).toMatch(/tidak sesuai .*baris \d+.*npm run openapi/);
  });
});

describe('the data directory', () => {
  it('is locked against a second live process and taken over from a dead one', async () => {
    const lockDir = mkdtempSync(path.join(tmpdir(), 'pora-lock-'));
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(path.join(lockDir, LOCK_FILE), JSON.stringify({ pid: sleeper.pid, command: 'serve', since: '' }));
      expect(() => lockDataDir(lockDir, 'backup')).toThrow(DataDirBusyError);
    } finally {
      sleeper.kill();
    }
    await new Promise((resolve) => sleeper.once('exit', resolve));
    const release = lockDataDir(lockDir, 'backup');
    expect(JSON.parse(readFileSync(path.join(lockDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(existsSync(path.join(lockDir, LOCK_FILE))).toBe(false);
  });

  it('refuses commands on a database whose migrations are behind', async () => {
    const database = await openEmbedded(undefined, new Blob([readFileSync(inject('pgliteTemplate'))]));
    try {
      await requireCurrentSchema(database);
      await database.db.execute(
        sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)`,
      );
      await expect(requireCurrentSchema(database)).rejects.toThrow(/1 migrasi tertunda.*pora migrate/);
    } finally {
      await database.close();
    }
  });
});
