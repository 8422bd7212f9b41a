// Builders for the register tests: a sponsor, a person with the facts a test names (and nothing else), a valid
// passport MRZ. Persons go in through the same code as the API (names indexed, kept columns computed), as the system.
import { randomBytes, randomUUID } from 'node:crypto';
import { type PersonCreate, personCreate } from '../../../contracts/persons';
import { sponsors } from '../../db/schema/register';
import type { TestEnv } from '../../test/harness';
import { formatMrz, type MrzInput } from '../mrz/mrz';
import { normaliseName } from './person-names';
import type { SourceRecord } from './person-records';
import { recordNewPerson } from './persons.service';

export async function buildSponsor(env: TestEnv, over: Partial<typeof sponsors.$inferInsert> = {}) {
  const name = over.name ?? `PT Sawit Demo ${randomBytes(2).toString('hex')}`;
  const row = {
    id: randomUUID(),
    kind: 'company',
    name,
    searchName: normaliseName(name),
    regionCode: '16.72',
    ...over,
  };
  await env.database.db.insert(sponsors).values(row);
  return row;
}

/** A person as the system records them (source: import "test"). Pass only what the test is about. */
export async function buildPerson(env: TestEnv, over: Partial<PersonCreate> = {}) {
  const input = personCreate.parse({
    surname: 'ZHANG',
    givenNames: 'WEI',
    nationality: 'CHN',
    confirmNewPerson: true,
    ...over,
  });
  const ctx = env.ctx({ kind: 'system', name: 'test' });
  const source: SourceRecord = {
    sourceKind: 'import',
    sourceAgencyId: null,
    sourceUserId: null,
    sourceRef: 'test',
    recordedAt: new Date(),
  };
  return env.database.transaction((tx) => recordNewPerson(tx, ctx, input, source));
}

/** A passport MRZ (TD3) whose check digits all pass. */
export function passportMrz(over: Partial<MrzInput> = {}): string {
  return formatMrz('TD3', {
    issuingState: 'CHN',
    documentNumber: 'E12345678',
    surname: 'ZHANG',
    givenNames: 'WEI',
    nationality: 'CHN',
    birthDate: '1985-03-14',
    sex: 'M',
    expiryDate: '2031-06-30',
    ...over,
  }).join('\n');
}

/** Kelurahan Pagar Alam, Kecamatan Pagar Alam Utara, Kota Pagar Alam. */
export const PAGAR_ALAM_VILLAGE = '16.72.01.1005';
