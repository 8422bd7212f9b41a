// API keys of an accommodation, for its property-management system: created by an operator (the secret is shown
// once; only its SHA-256 is stored), listed with when they were last used, revoked. A request carrying
// `Authorization: Bearer pora_ak_…` or `X-API-Key: pora_ak_…` acts as that property, on routes that accept keys.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { API_KEY_PREFIX, type ApiKeyItem, parseApiKeyToken } from '../../../contracts/accommodations';
import type { Database, Queryable } from '../../db/client';
import type { AccommodationKeyActor } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { findUserNames } from '../sponsors/register-refs';
import * as repo from './accommodations.repo';
import { findOwnAccommodation } from './accommodations.service';
import { forgetKeys, isKnownKey, keepKey, recentKey, rememberKnownKey } from './api-key-cache';

/** last_used_at is written at most this often per key (not on every request). */
const LAST_USED_RESOLUTION_MS = 60_000;
const HINT_LENGTH = API_KEY_PREFIX.length + 4;

export const hashApiKey = (token: string) => createHash('sha256').update(token).digest('hex');

/** 32 random bytes: a token this strong needs no slow hash, so one SHA-256 look-up authenticates a request. */
export function newApiKeyToken(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Requests a minute from one address (the general limit; docs/operations.md). */
export const ADDRESS_RATE_LIMIT = 1_200;
/** … from an address that presents an API key known to this process: a property-management system (500 a second). */
export const API_KEY_RATE_LIMIT = 30_000;

/** The request rate limit of a request: higher when it presents a key that authenticated here before. */
export function rateLimitOf(database: Database, headers: IncomingHttpHeaders): number {
  const token = parseApiKeyToken(presentedApiKey(headers) ?? '');
  return token && isKnownKey(database, hashApiKey(token)) ? API_KEY_RATE_LIMIT : ADDRESS_RATE_LIMIT;
}

/** The key a request presents, if any: the Bearer token of Authorization, else X-API-Key. Another Authorization
 * scheme (e.g. Basic, from a reverse proxy in front of PORA) is not PORA's and is left alone. */
export function presentedApiKey(headers: IncomingHttpHeaders): string | undefined {
  const [scheme, value] = (headers.authorization ?? '').trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') {
    return value ?? '';
  }
  const header = headers['x-api-key'];
  return Array.isArray(header) ? header.join(',') : header;
}

/**
 * The actor of a presented key. Unknown or malformed → API_KEY_INVALID, revoked → API_KEY_REVOKED (401); a key of a
 * property that is not verified (pending, suspended, rejected) → ACCOMMODATION_NOT_ACTIVE (403).
 */
export async function authenticateApiKey(
  database: Database,
  presented: string,
  now: Date,
): Promise<AccommodationKeyActor> {
  const token = parseApiKeyToken(presented);
  if (!token) {
    throw new AppError('API_KEY_INVALID', 'the API key is not valid');
  }
  const hash = hashApiKey(token);
  let key = recentKey(database, hash, now);
  if (!key) {
    key = await repo.findKeyForAuthentication(database.db, hash);
    if (!key) {
      throw new AppError('API_KEY_INVALID', 'the API key is not valid');
    }
    keepKey(database, hash, key, now);
    rememberKnownKey(database, hash);
  }
  if (key.revokedAt) {
    throw new AppError('API_KEY_REVOKED', 'the API key was revoked');
  }
  if (key.accommodationStatus !== 'verified') {
    throw new AppError('ACCOMMODATION_NOT_ACTIVE', 'the property is not verified', {
      status: key.accommodationStatus,
    });
  }
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await repo.touchApiKey(database.db, key.id, now, new Date(now.getTime() - LAST_USED_RESOLUTION_MS));
    key.lastUsedAt = now;
  }
  return {
    kind: 'accommodation_key',
    keyId: key.id,
    accommodationId: key.accommodationId,
    name: `${key.accommodationName} — ${key.name}`,
    property: {
      name: key.accommodationName,
      villageCode: key.accommodationVillageCode,
      address: key.accommodationAddress,
    },
  };
}

async function present(db: Queryable, rows: repo.ApiKeyRow[]): Promise<ApiKeyItem[]> {
  const creators = await findUserNames(
    db,
    rows.map((r) => r.createdBy),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    hint: r.tokenHint,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy ? (creators.get(r.createdBy) ?? null) : null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Keys are managed from an operator's session, never with a key. */
function requireOperatorSession(ctx: Ctx) {
  if (ctx.actor.kind === 'accommodation_key') {
    throw new AppError('API_KEY_NOT_ALLOWED', 'API keys are managed by a signed-in operator');
  }
}

export async function listApiKeys(ctx: Ctx, accommodationId: string): Promise<{ items: ApiKeyItem[] }> {
  requireOperatorSession(ctx);
  const db = ctx.database.db;
  await findOwnAccommodation(db, ctx.actor, accommodationId);
  return { items: await present(db, await repo.listApiKeys(db, accommodationId)) };
}

export async function createApiKey(ctx: Ctx, accommodationId: string, name: string) {
  requireOperatorSession(ctx);
  const actor = ctx.actor;
  const token = newApiKeyToken();
  return ctx.database.transaction(async (tx) => {
    const property = await findOwnAccommodation(tx, actor, accommodationId);
    if (property.status !== 'verified') {
      throw new AppError('ACCOMMODATION_NOT_ACTIVE', 'the property is not verified', { status: property.status });
    }
    const row = await repo.insertApiKey(tx, {
      id: randomUUID(),
      accommodationId,
      name,
      tokenHash: hashApiKey(token),
      tokenHint: token.slice(0, HINT_LENGTH),
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'accommodation.api_key.create',
      objectType: 'accommodation_api_key',
      objectId: row.id,
      details: { accommodationId, name, hint: row.tokenHint },
    });
    const [item] = await present(tx, [row]);
    return { ...(item as ApiKeyItem), secret: token };
  });
}

export async function revokeApiKey(ctx: Ctx, accommodationId: string, keyId: string): Promise<ApiKeyItem> {
  requireOperatorSession(ctx);
  const actor = ctx.actor;
  const item = await ctx.database.transaction(async (tx) => {
    await findOwnAccommodation(tx, actor, accommodationId);
    const key = await repo.findApiKey(tx, accommodationId, keyId);
    if (!key) {
      throw new AppError('API_KEY_NOT_FOUND');
    }
    if (key.revokedAt) {
      return (await present(tx, [key]))[0] as ApiKeyItem;
    }
    const revoked = await repo.revokeApiKey(tx, keyId, ctx.now(), actor.kind === 'user' ? actor.userId : null);
    await appendAudit(tx, ctx, {
      action: 'accommodation.api_key.revoke',
      objectType: 'accommodation_api_key',
      objectId: keyId,
      details: { accommodationId, name: key.name },
    });
    return (await present(tx, [revoked ?? key]))[0] as ApiKeyItem;
  });
  forgetKeys(ctx.database);
  return item;
}
