// A key is read from the database at most every KEY_CACHE_MS per process; revoking it or suspending its property
// through PORA takes effect on the next request (accommodations.routes.test.ts), a change made behind PORA's back
// within KEY_CACHE_MS.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodationApiKeys } from '../../db/schema/accommodations';
import { AppError } from '../../platform/errors';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { buildAccommodation, buildApiKey } from './accommodations.test-support';
import { KEY_CACHE_MS } from './api-key-cache';
import { authenticateApiKey } from './api-keys.service';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('recently read API keys', () => {
  it('re-reads a key changed behind PORA’s back once KEY_CACHE_MS have passed, not before', async () => {
    const property = await buildAccommodation(env, {});
    const key = await buildApiKey(env, property.id);
    const t0 = new Date('2026-11-28T10:00:00Z');
    expect((await authenticateApiKey(env.database, key.token, t0)).accommodationId).toBe(property.id);
    await env.database.db
      .update(accommodationApiKeys)
      .set({ revokedAt: t0 })
      .where(eq(accommodationApiKeys.id, key.id));
    const soon = new Date(t0.getTime() + KEY_CACHE_MS - 1);
    expect(await codeOf(authenticateApiKey(env.database, key.token, soon))).toBe('accepted');
    const later = new Date(t0.getTime() + KEY_CACHE_MS);
    expect(await codeOf(authenticateApiKey(env.database, key.token, later))).toBe('API_KEY_REVOKED');
  });

  it('never keeps an unknown key', async () => {
    const property = await buildAccommodation(env, {});
    const key = await buildApiKey(env, property.id);
    await env.database.db.execute(sql`delete from accommodation_api_keys where id = ${key.id}`);
    expect(await codeOf(authenticateApiKey(env.database, key.token, new Date()))).toBe('API_KEY_INVALID');
  });
});
