import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';

let env: TestEnv;
let auditor: Awaited<ReturnType<typeof signInAs>>;
let muaraEnim: Awaited<ReturnType<typeof signInMuaraEnimAdmin>>;
let agencyId: string;
beforeAll(async () => {
  env = await createTestEnv();
  auditor = await signInAs(env, 'auditor');
  muaraEnim = await signInMuaraEnimAdmin(env);
  const created = await muaraEnim.api.post('/api/v1/agencies', {
    name: 'Polres Lahat',
    kind: 'polri',
    regionCode: '16.04',
  });
  agencyId = created.json().id;
  await muaraEnim.api.patch(`/api/v1/agencies/${agencyId}`, { phone: '0731 321110' });
});
afterAll(async () => {
  await env.close();
});

type Row = { seq: number; action: string; actorId: string | null; objectId: string | null; at: string };

describe('audit log', () => {
  it('lists the log newest first, with actor, object and request', async () => {
    const res = await auditor.api.get('/api/v1/audit?limit=10');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json() as { items: Row[]; total: number };
    expect(total).toBeGreaterThanOrEqual(4);
    const seqs = items.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(items[0]).toMatchObject({
      action: 'agency.update',
      actorKind: 'user',
      actorId: muaraEnim.id,
      agencyId: muaraEnim.agency.id,
      objectType: 'agency',
      objectId: agencyId,
      requestId: expect.any(String),
      details: { changes: { phone: { from: null, to: '0731 321110' } } },
    });
  });

  it('filters by actor, action prefix, object and time, and pages', async () => {
    const byActor = (await auditor.api.get(`/api/v1/audit?actorId=${muaraEnim.id}&action=agency.`)).json();
    expect(byActor.items.map((r: Row) => r.action)).toEqual(['agency.update', 'agency.create']);
    const exact = (await auditor.api.get('/api/v1/audit?action=agency.create')).json();
    expect(exact.total).toBe(1);
    // "_" is a letter here, not a wildcard
    expect((await auditor.api.get('/api/v1/audit?action=agency_')).json().total).toBe(0);
    const byObject = (await auditor.api.get(`/api/v1/audit?objectType=agency&objectId=${agencyId}`)).json();
    expect(byObject.total).toBe(2);
    const future = (await auditor.api.get('/api/v1/audit?from=2999-01-01T00:00:00%2B07:00')).json();
    expect(future).toEqual({ items: [], total: 0 });
    const [newest] = byActor.items as Row[];
    const until = (
      await auditor.api.get(`/api/v1/audit?actorId=${muaraEnim.id}&to=${encodeURIComponent(newest?.at ?? '')}`)
    ).json();
    expect(until.items.map((r: Row) => r.action)).not.toContain('agency.update');
    const page = (await auditor.api.get('/api/v1/audit?limit=1&offset=1')).json();
    expect(page.items).toHaveLength(1);
  });

  it('records each listing of the log', async () => {
    await auditor.api.get('/api/v1/audit?action=agency.&limit=5');
    const own = (await auditor.api.get(`/api/v1/audit?actorId=${auditor.id}&action=audit.list&limit=1`)).json();
    expect(own.items[0]).toMatchObject({
      action: 'audit.list',
      details: { filters: { action: 'agency.' }, limit: 5, offset: 0 },
    });
  });

  it('verifies the hash chain and records the verification', async () => {
    const res = await auditor.api.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ ok: true });
    expect(result.rows).toBe(result.lastSeq);
    const last = (await auditor.api.get('/api/v1/audit?action=audit.verify&limit=1')).json();
    expect(last.items[0].details.result).toEqual(result);
  });

  it('is closed to roles without audit.read', async () => {
    for (const res of [await muaraEnim.api.get('/api/v1/audit'), await muaraEnim.api.get('/api/v1/audit/verify')]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('PERMISSION_DENIED');
    }
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
  });

  it('refuses malformed filters with 400', async () => {
    for (const query of [
      'action=agency%25',
      "action='; drop table audit_log; --",
      'from=yesterday',
      'from=2026-01-01T00:00:00',
      'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      'actorId=1',
      'limit=0',
      'objectType=<script>',
      'unknown=1',
    ]) {
      const res = await auditor.api.get(`/api/v1/audit?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});
