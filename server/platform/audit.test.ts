import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test/harness';
import { appendAudit, verifyAuditChain } from './audit';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

describe('audit chain', () => {
  it('verifies an intact chain, refuses edits, and names the first tampered row', async () => {
    const ctx = env.ctx({ kind: 'system', name: 'test' });
    for (let i = 0; i < 5; i++) {
      await env.database.transaction((tx) =>
        appendAudit(tx, ctx, {
          action: 'test.write',
          objectType: 'thing',
          objectId: String(i),
          details: { i, nested: { b: 1, a: [2] } },
        }),
      );
    }
    // A rolled-back transaction leaves no gap.
    await env.database
      .transaction(async (tx) => {
        await appendAudit(tx, ctx, { action: 'test.rolled_back' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await env.database.transaction((tx) => appendAudit(tx, ctx, { action: 'test.after' }));
    const ok = await verifyAuditChain(env.database.db);
    expect(ok).toMatchObject({ ok: true });
    const { lastSeq } = ok as { lastSeq: number };

    await expect(env.database.db.execute(sql`update audit_log set action = 'x' where seq = 2`)).rejects.toThrow();
    await expect(env.database.db.execute(sql`delete from audit_log where seq = 2`)).rejects.toThrow();

    await env.database.db.execute(sql`alter table audit_log disable trigger user`);
    await env.database.db.execute(sql`update audit_log set details = '{"i": 99}' where seq = 3`);
    expect(await verifyAuditChain(env.database.db)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'changed' });
    await env.database.db.execute(sql`delete from audit_log where seq >= 3 and seq < ${lastSeq}`);
    expect(await verifyAuditChain(env.database.db)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'missing' });
  });
});
