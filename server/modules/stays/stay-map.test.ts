import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodations } from '../../db/schema/accommodations';
import { stays } from '../../db/schema/stays';
import { buildAgency, buildOffice, createTestEnv, type TestEnv } from '../../test/harness';
import { buildAccommodation, JAKARTA_VILLAGE, PAGAR_ALAM_VILLAGE } from '../accommodations/accommodations.test-support';
import { type Client, signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { buildStay } from './stays.test-support';

let env: TestEnv;
let office: Client;
let jakartaOffice: Client;
let pagarAlam: { id: string; name: string };
let unpinned: { id: string; name: string };
let jakarta: { id: string; name: string };

beforeAll(async () => {
  env = await createTestEnv();
  office = (await signInMuaraEnimAdmin(env)).api;
  const jakartaKanim = await buildOffice(env, { name: 'Kanim Jakarta', regionCode: '31.71', workingArea: ['31.71'] });
  const agency = await buildAgency(env, { kind: 'imigrasi', regionCode: '31.71', officeId: jakartaKanim.id });
  jakartaOffice = (await signInAs(env, 'office_admin', { agencyId: agency.id })).api;

  pagarAlam = await buildAccommodation(env, { villageCode: PAGAR_ALAM_VILLAGE, name: 'Hotel Peta Dempo' });
  await env.database.db
    .update(accommodations)
    .set({ latitude: -4.0197, longitude: 103.2531 })
    .where(eq(accommodations.id, pagarAlam.id));
  unpinned = await buildAccommodation(env, { villageCode: PAGAR_ALAM_VILLAGE, name: 'Homestay Tanpa Pin' });
  jakarta = await buildAccommodation(env, { villageCode: JAKARTA_VILLAGE, name: 'Hotel Menteng' });
  await buildStay(env, { accommodationId: pagarAlam.id });
  await buildStay(env, { accommodationId: pagarAlam.id });
  await buildStay(env, { accommodationId: unpinned.id });
  await buildStay(env, { accommodationId: jakarta.id });
});
afterAll(async () => {
  await env.close();
});

describe('GET /stays/now/map', () => {
  it("draws the office's regencies and counts guests per property in its scope only, with no personal data", async () => {
    const res = await office.get('/api/v1/stays/now/map');
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json();
    expect(map.regions.map((r: { code: string }) => r.code)).toEqual(['16.03', '16.04', '16.11', '16.72']);
    const pagarAlamOutline = map.regions.find((r: { code: string }) => r.code === '16.72');
    expect(pagarAlamOutline.name).toMatch(/Pagar Alam/i);
    expect(pagarAlamOutline.rings[0].length).toBeGreaterThan(10);
    expect(map.properties).toEqual([
      expect.objectContaining({ id: unpinned.id, guestCount: 1, latitude: null, longitude: null }),
      expect.objectContaining({ id: pagarAlam.id, guestCount: 2, latitude: -4.0197, longitude: 103.2531 }),
    ]);
    expect(map.guestCount).toBe(3);
    expect(res.body).not.toContain(jakarta.id);
    expect(res.body).not.toContain('surname');
  });

  it("shows another office only its own area's properties", async () => {
    const map = (await jakartaOffice.get('/api/v1/stays/now/map')).json();
    expect(map.regions.map((r: { code: string }) => r.code)).toEqual(['31.71']);
    expect(map.properties.map((p: { id: string }) => p.id)).toEqual([jakarta.id]);
  });

  it('leaves out stays that ended, and refuses users without stays.read', async () => {
    await env.database.db
      .update(stays)
      .set({ status: 'checked_out', checkedOutAt: new Date() })
      .where(eq(stays.accommodationId, unpinned.id));
    const map = (await office.get('/api/v1/stays/now/map')).json();
    expect(map.properties.map((p: { id: string }) => p.id)).toEqual([pagarAlam.id]);
    const operator = (await signInAs(env, 'accommodation_operator')).api;
    expect((await operator.get('/api/v1/stays/now/map')).statusCode).toBe(403);
  });
});
