// Builders for tests that need accommodations (the access matrix, stays): a property in a given status, optionally
// operated by a given user, and API keys for it.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AccommodationStatus } from '../../../contracts/accommodations';
import { accommodationApiKeys, accommodationOperators, accommodations } from '../../db/schema/accommodations';
import { hashPassword } from '../../platform/auth/passwords';
import type { TestEnv } from '../../test/harness';
import { nameKeyOf } from './accommodations.service';
import { hashApiKey, newApiKeyToken } from './api-keys.service';

export const PAGAR_ALAM_VILLAGE = '16.72.01.1005';
export const JAKARTA_VILLAGE = '31.71.01.1001';

let applicantHash: Promise<string> | undefined;

export async function buildAccommodation(
  env: TestEnv,
  over: { status?: AccommodationStatus; villageCode?: string; operatorUserId?: string; name?: string } = {},
) {
  const id = randomUUID();
  const name = over.name ?? `Hotel Uji ${randomBytes(3).toString('hex')}`;
  const status = over.status ?? 'verified';
  applicantHash ??= hashPassword('Penginapan-Uji-2026!');
  await env.database.db.insert(accommodations).values({
    id,
    name,
    nameKey: nameKeyOf(name),
    kind: 'hotel',
    nib: `91${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`,
    address: 'Jl. Uji No. 1',
    villageCode: over.villageCode ?? PAGAR_ALAM_VILLAGE,
    phone: '0730 000 000',
    email: 'uji@hotel.example',
    picName: 'Penanggung Jawab',
    status,
    verifiedAt: status === 'pending' ? null : new Date(),
    applicantEmail: `pemohon-${randomBytes(4).toString('hex')}@hotel.example`,
    applicantPasswordHash: status === 'pending' ? await applicantHash : null,
  });
  if (over.operatorUserId) {
    await env.database.db.insert(accommodationOperators).values({ accommodationId: id, userId: over.operatorUserId });
  }
  return { id, name };
}

/** An API key for the property; returns the secret to present. */
export async function buildApiKey(env: TestEnv, accommodationId: string, over: { revoked?: boolean } = {}) {
  const token = newApiKeyToken();
  const id = randomUUID();
  await env.database.db.insert(accommodationApiKeys).values({
    id,
    accommodationId,
    name: 'Kunci uji',
    tokenHash: hashApiKey(token),
    tokenHint: token.slice(0, 12),
    ...(over.revoked ? { revokedAt: new Date() } : {}),
  });
  return { id, token };
}
