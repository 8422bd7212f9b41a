import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleCodes } from '../../../contracts/common';
import { loadConfig } from '../../config';
import { users } from '../../db/schema/auth';
import { agencies, offices, teamMembers, teams } from '../../db/schema/orgs';
import { verifyAuditChain } from '../../platform/audit';
import { verifyPassword } from '../../platform/auth/passwords';
import { buildUser, createTestEnv, signIn, type TestEnv } from '../../test/harness';
import { demoParts } from './demo.parts';

const partNames = demoParts.map((p) => p.name);

import { DemoError, demoId, readDemoState, seedDemo } from './demo.service';
import { loadDemoAtStartup } from './demo.startup';

const dataDir = mkdtempSync(path.join(tmpdir(), 'pora-demo-'));
const config = { ...loadConfig({}), dataDir };

describe('demo scenario', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => {
    await env.close();
  });

  it('loads the Muara Enim office, both teams with 31 member agencies, and one account per role', async () => {
    const result = await seedDemo(env.database, { config });
    expect(result.loadedParts).toEqual(partNames);
    const db = env.database.db;

    const [office] = await db
      .select()
      .from(offices)
      .where(eq(offices.id, demoId('office:kanim-muara-enim')));
    expect(office).toMatchObject({
      name: 'Kantor Imigrasi Kelas II Non TPI Muara Enim',
      officeClass: 'II_NON_TPI',
      regionCode: '16.03',
      workingArea: ['16.03', '16.04', '16.11', '16.72'],
    });
    const [own] = await db
      .select()
      .from(agencies)
      .where(eq(agencies.officeId, demoId('office:kanim-muara-enim')));
    expect(own?.kind).toBe('imigrasi');

    const [kabKota] = await db.select().from(teams).where(eq(teams.level, 'kabupaten_kota'));
    expect(kabKota?.secretariatOfficeId).toBe(office?.id);
    expect(kabKota?.decreeNumber).toMatch(/^W6\.IMI\.IMI\.5-GR\.01\.01-\d{4}$/);
    const members = await db
      .select({
        role: teamMembers.role,
        agencyId: agencies.id,
        region: agencies.regionCode,
        phone: teamMembers.liaisonPhone,
      })
      .from(teamMembers)
      .innerJoin(agencies, eq(agencies.id, teamMembers.agencyId))
      .where(eq(teamMembers.teamId, kabKota?.id ?? ''));
    const others = members.filter((m) => m.agencyId !== own?.id);
    expect(others).toHaveLength(31);
    // From Pagar Alam, Lahat and Empat Lawang (Binda is provincial).
    for (const m of others) {
      expect(m.region).toMatch(/^(16\.72|16\.04|16\.11)(\.|$)|^16$/);
      expect(m.phone).toMatch(/^\+62 8\d{2} /);
    }
    expect(members.find((m) => m.agencyId === own?.id)?.role).toBe('ketua');
    expect(members.filter((m) => m.role === 'sekretaris')).toHaveLength(1);

    const [provinsi] = await db.select().from(teams).where(eq(teams.level, 'provinsi'));
    expect(provinsi).toMatchObject({ regionCode: '16' });
    expect(provinsi?.chairTitle).toContain('Kepala Kantor Wilayah');

    const accounts = await db.select().from(users);
    expect(accounts.map((u) => u.roles[0]).sort()).toEqual([...roleCodes].sort());
    for (const u of accounts) {
      expect(u.mustChangePassword).toBe(false);
      expect(u.totpEnabledAt).toBeNull();
      expect(u.email).toMatch(/@demo\.pora\.id$/);
    }
    expect(result.accounts).toHaveLength(roleCodes.length);
    const admin = result.accounts.find((a) => a.role === 'system_admin');
    const adminRow = accounts.find((u) => u.email === admin?.email);
    expect(await verifyPassword(adminRow?.passwordHash ?? '', admin?.password ?? '')).toBe(true);

    expect(result.accountsFile).toBe(path.join(dataDir, 'demo-accounts.txt'));
    expect(statSync(result.accountsFile ?? '').mode & 0o777).toBe(0o600);
    const text = readFileSync(result.accountsFile ?? '', 'utf8');
    for (const a of result.accounts) {
      expect(text).toContain(`${a.email}`);
      expect(text).toContain(a.password);
    }

    expect(await readDemoState(db)).toMatchObject({ parts: partNames });
    const verification = await verifyAuditChain(db);
    expect(verification.ok).toBe(true);
    expect(verification.rows).toBeGreaterThan(80);
  });

  it('lets a demo account sign in at once', async () => {
    const text = readFileSync(path.join(dataDir, 'demo-accounts.txt'), 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('agency_member'));
    const [, email, password] = line?.split(/\s+/) ?? [];
    const { me } = await signIn(env, { email: email ?? '', password: password ?? '' });
    expect(me.id).toBeTruthy();
  });

  it('is idempotent, and loads only the parts added later', async () => {
    const count = async () => {
      const [row] = await env.database.db.select({ n: sql<number>`count(*)::int` }).from(agencies);
      return row?.n;
    };
    const before = await count();
    const again = await seedDemo(env.database, { config, accountsFile: null });
    expect(again).toMatchObject({ loadedParts: [], accounts: [], accountsFile: null });
    expect(await count()).toBe(before);

    const loadedBy: string[] = [];
    const extra = {
      name: 'extra',
      load: async ({ demoId: id }: { demoId: (k: string) => string }) => {
        loadedBy.push(id('office:kanim-muara-enim'));
      },
    };
    const next = await seedDemo(env.database, { config, parts: [...demoParts, extra], accountsFile: null });
    expect(next.loadedParts).toEqual(['extra']);
    expect(loadedBy).toEqual([demoId('office:kanim-muara-enim')]);
    expect(await readDemoState(env.database.db)).toMatchObject({ parts: [...partNames, 'extra'] });
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
  });
});

describe('demo next to real data', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => {
    await env.close();
  });

  it('is not loaded at start when the installation already has users', async () => {
    await buildUser(env);
    await loadDemoAtStartup({ config, database: env.database, logger: env.app.log as never });
    expect(await readDemoState(env.database.db)).toBeNull();
  });

  it('refuses an explicit load unless forced, and rolls back a failing part', async () => {
    await expect(seedDemo(env.database, { config, accountsFile: null })).rejects.toBeInstanceOf(DemoError);
    const failing = {
      name: 'broken',
      load: async () => {
        throw new Error('part failed');
      },
    };
    await expect(
      seedDemo(env.database, { config, force: true, parts: [...demoParts, failing], accountsFile: null }),
    ).rejects.toThrow('part failed');
    const [row] = await env.database.db.select({ n: sql<number>`count(*)::int` }).from(offices);
    expect(row?.n).toBe(0);
    const forced = await seedDemo(env.database, { config, force: true, accountsFile: null });
    expect(forced.loadedParts).toEqual(partNames);
  });
});

describe('demo at start', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => {
    await env.close();
  });

  it('loads only on an embedded database, and not when PORA_DEMO=off', async () => {
    const startDir = mkdtempSync(path.join(tmpdir(), 'pora-start-'));
    const logger = env.app.log as never;
    await loadDemoAtStartup({ config: { ...config, dataDir: startDir, demo: false }, database: env.database, logger });
    expect(await readDemoState(env.database.db)).toBeNull();
    await loadDemoAtStartup({ config: { ...config, dataDir: startDir }, database: env.database, logger });
    const state = await readDemoState(env.database.db);
    if (env.database.mode === 'embedded') {
      expect(state?.parts).toEqual(partNames);
      expect(readFileSync(path.join(startDir, 'demo-accounts.txt'), 'utf8')).toContain('admin@demo.pora.id');
    } else {
      expect(state).toBeNull();
    }
  });
});
