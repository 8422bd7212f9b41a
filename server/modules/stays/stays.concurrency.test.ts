// Check-ins at one property at the same time: a single check-in locks only its guests' documents (and the property
// shared), so different guests go through side by side; the same guest sent twice at once is checked in once; a batch
// of the property waits for them (it holds the property's lock exclusively).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { buildAccommodation, buildApiKey } from '../accommodations/accommodations.test-support';
import { passportMrz } from '../persons/persons.test-support';

let env: TestEnv;
let property: { id: string };
let key: string;

beforeAll(async () => {
  env = await createTestEnv();
  property = await buildAccommodation(env, {});
  key = (await buildApiKey(env, property.id)).token;
});
afterAll(async () => {
  await env.close();
});

const docNo = () => `C${randomBytes(4).toString('hex').toUpperCase()}`;
const checkIn = (documentNumber: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/stays/check-ins',
    headers: { authorization: `Bearer ${key}` },
    payload: {
      arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      expectedCheckOut: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
      visitPurpose: 'tourism',
      guests: [{ mrz: passportMrz({ documentNumber }) }],
    },
  });

describe('concurrent check-ins at one property', () => {
  it('accepts different guests sent at once, each with its own stay', async () => {
    const docs = Array.from({ length: 8 }, docNo);
    const answers = await Promise.all(docs.map(checkIn));
    expect(answers.map((a) => a.statusCode)).toEqual(docs.map(() => 201));
    const [row] = await selectRows<{ n: number }>(
      env.database.db,
      sql`select count(*)::int as n from stays where accommodation_id = ${property.id} and status = 'open'`,
    );
    expect(row?.n).toBe(8);
  });

  it('checks the same guest sent three times at once in once', async () => {
    const doc = docNo();
    const answers = await Promise.all([checkIn(doc), checkIn(doc), checkIn(doc)]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) {
      expect(a.json().code).toBe('STAY_ALREADY_CHECKED_IN');
    }
    const [row] = await selectRows<{ stays: number; persons: number }>(
      env.database.db,
      sql`select (select count(*)::int from stays s join travel_documents d on d.person_id = s.person_id
                   where d.number_norm = ${doc} and s.accommodation_id = ${property.id}) as stays,
                 (select count(distinct person_id)::int from travel_documents where number_norm = ${doc}) as persons`,
    );
    expect(row).toEqual({ stays: 1, persons: 1 });
  });
});
