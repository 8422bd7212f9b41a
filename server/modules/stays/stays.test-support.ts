// Builders for tests that need stays (the access matrix, the office views): a guest checked in at a fresh property
// through the same service as the API, as that property's API key.
import { randomBytes } from 'node:crypto';
import type { TestEnv } from '../../test/harness';
import { buildAccommodation, buildApiKey } from '../accommodations/accommodations.test-support';
import { passportMrz } from '../persons/persons.test-support';
import { checkIn } from './stays.service';

export async function buildStay(env: TestEnv, over: { villageCode?: string; accommodationId?: string } = {}) {
  const accommodationId =
    over.accommodationId ??
    (await buildAccommodation(env, over.villageCode ? { villageCode: over.villageCode } : {})).id;
  const key = await buildApiKey(env, accommodationId);
  const ctx = env.ctx({ kind: 'accommodation_key', keyId: key.id, accommodationId, name: 'Kunci uji' });
  const documentNumber = `S${randomBytes(4).toString('hex').toUpperCase()}`;
  const answer = await checkIn(
    ctx,
    {
      arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      expectedCheckOut: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
      visitPurpose: 'tourism',
      guests: [{ mrz: passportMrz({ documentNumber }) }],
    },
    { dryRun: false },
  );
  const guest = answer.body.guests[0];
  return { id: guest?.stayId as string, personId: guest?.personId as string, accommodationId, documentNumber };
}
