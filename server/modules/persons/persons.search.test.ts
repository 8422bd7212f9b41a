// Search over the register: names with typos, word order, spacing, accents and transliteration; document and permit
// numbers (old documents too); filters, scope; ranking and pages; names added later — by this node or another —
// found by the next search. The noise persons have names close to the targets on purpose. Speed is measured by
// bench/register, not here.
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonStatusCode } from '../../../contracts/persons';
import { type Db, schema } from '../../db/client';
import { personNames, persons } from '../../db/schema/register';
import { buildAgency, createTestEnv, type TestEnv } from '../../test/harness';
import { type Client, signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { searchNameOf } from './person-names';
import { ensureNameKeys } from './persons.repo';
import { buildPerson, buildSponsor, PAGAR_ALAM_VILLAGE } from './persons.test-support';

let env: TestEnv;
let api: Client;
const ids: Record<string, string> = {};
// Dates as the persons' zone counts them (Sumatra: WIB, UTC+7): from 17:00 UTC on, the UTC date is a day behind.
const inDays = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
let sponsorId: string;

type Item = {
  id: string;
  surname: string;
  givenNames: string;
  status: { code: PersonStatusCode };
  match: { via: string; text: string; score: number } | null;
};

beforeAll(async () => {
  env = await createTestEnv();
  api = (await signInMuaraEnimAdmin(env)).api;
  sponsorId = (await buildSponsor(env, { name: 'PT Batubara Enim Jaya', regionCode: '16.03' })).id;
  const lahat = '16.04.01.2001';
  const targets: [string, Parameters<typeof buildPerson>[1]][] = [
    [
      'zhangWei',
      {
        surname: 'ZHANG',
        givenNames: 'WEI',
        birthDate: '1985-03-14',
        document: { number: 'E12345678', issuingState: 'CHN', expiryDate: '2031-06-30' },
        permit: {
          type: 'ITAS',
          visaIndex: 'E23',
          number: '2C21AB1234-XY',
          validFrom: inDays(-100),
          validUntil: inDays(265),
        },
        address: { regionCode: PAGAR_ALAM_VILLAGE },
      },
    ],
    [
      'muhammad',
      {
        surname: 'ABDULLAH',
        givenNames: 'MUHAMMAD',
        nationality: 'MYS',
        permit: { type: 'ITK', visaIndex: 'D2', validFrom: inDays(-50), validUntil: inDays(10) },
        address: { regionCode: lahat },
      },
    ],
    [
      'nguyen',
      {
        surname: 'Nguyễn',
        givenNames: 'Văn Đức',
        nationality: 'VNM',
        permit: { type: 'ITAS', validFrom: inDays(-400), validUntil: inDays(-12) },
        address: { regionCode: PAGAR_ALAM_VILLAGE },
      },
    ],
    [
      'abdulRahman',
      {
        surname: 'ABDUL RAHMAN',
        givenNames: 'FARID',
        nationality: 'MYS',
        permit: { type: 'ITAP', validFrom: '2020-01-01', validUntil: null },
        address: { regionCode: lahat },
        sponsorId: 'SPONSOR',
      },
    ],
    [
      'ivanov',
      {
        surname: 'IVANOV',
        givenNames: 'ALEKSANDR',
        nationality: 'RUS',
        names: [{ kind: 'transliteration', fullName: 'Александр Иванов' }],
        document: { number: '712345678', issuingState: 'RUS', expiryDate: inDays(-3) },
        permit: { type: 'ITK', validFrom: inDays(-10), validUntil: inDays(50) },
        address: { regionCode: PAGAR_ALAM_VILLAGE },
      },
    ],
    [
      'leeTony',
      {
        surname: 'LEE',
        givenNames: 'SEUNGMIN',
        nationality: 'KOR',
        names: [{ kind: 'alias', surname: 'LEE', givenNames: 'TONY' }],
        permit: { type: 'ITAS', validFrom: inDays(-300), validUntil: inDays(65), exitDate: inDays(-1) },
        address: { regionCode: lahat },
      },
    ],
    ['noPermit', { surname: 'SCHMIDT', givenNames: 'ANNA', nationality: 'DEU', address: { regionCode: lahat } }],
  ];
  for (const [key, over] of targets) {
    const withSponsor = over?.sponsorId === 'SPONSOR' ? { ...over, sponsorId } : over;
    ids[key] = (await buildPerson(env, withSponsor)).id;
  }
  const noise: [string, string, string][] = [
    ['WANG', 'WEI', 'CHN'],
    ['ZHANG', 'WEN', 'CHN'],
    ['ZHAO', 'WEI', 'CHN'],
    ['ZHANG', 'WEIMING', 'CHN'],
    ['CHANG', 'MEI', 'TWN'],
    ['ZHANG', 'LI', 'CHN'],
    ['LI', 'WEI', 'CHN'],
    ['HUANG', 'WEI', 'CHN'],
    ['WU', 'ZHANG', 'CHN'],
    ['ABDULLAH', 'AHMAD', 'MYS'],
    ['HASSAN', 'MUHAMMAD', 'MYS'],
    ['RAHMAN', 'ABDUL', 'BGD'],
    ['IVANOVA', 'ELENA', 'RUS'],
    ['SMIRNOV', 'ALEKSEI', 'RUS'],
    ['NGUYEN', 'THI HOA', 'VNM'],
    ['TRAN', 'VAN DUC', 'VNM'],
    ['LEE', 'MINJUN', 'KOR'],
    ['KIM', 'SEUNGMIN', 'KOR'],
    ['SCHMIDT', 'JONAS', 'DEU'],
    ['SMITH', 'JAMES', 'AUS'],
    ['KUMAR', 'RAJESH', 'IND'],
    ['SANTOS', 'MARIA', 'PHL'],
  ];
  for (const [surname, givenNames, nationality] of noise) {
    await buildPerson(env, { surname, givenNames, nationality, address: { regionCode: '16.03' } });
  }
});
afterAll(async () => {
  await env.close();
});

async function search(query: string): Promise<{ items: Item[]; total: number }> {
  const res = await api.get(`/api/v1/persons?${query}`);
  expect(res.statusCode, query).toBe(200);
  return res.json();
}
const top = async (q: string, n = 1) => (await search(`q=${encodeURIComponent(q)}`)).items.slice(0, n).map((i) => i.id);

describe('search by name', () => {
  it('finds a name in either word order, ranked first', async () => {
    for (const q of ['ZHANG WEI', 'wei zhang', 'Zhang, Wei', '  zhang   wei ']) {
      expect(await top(q), q).toEqual([ids.zhangWei]);
    }
    const res = await search('q=zhang%20wei');
    expect(res.items[0]?.match).toEqual({ via: 'name', text: 'ZHANG WEI', score: 1 });
    const scores = res.items.map((i) => i.match?.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds a name despite swapped, dropped and doubled letters', async () => {
    for (const q of ['zhnag wei', 'zang wei', 'zhangg wie', 'wei zhagn']) {
      expect(await top(q, 3), q).toContain(ids.zhangWei);
    }
    expect(await top('abdulah muhamad')).toEqual([ids.muhammad]);
    expect(await top('ivanof aleksandr')).toEqual([ids.ivanov]);
  });

  it('finds transliteration variants, other scripts and diacritics', async () => {
    expect(await top('Mohammed Abdullah')).toEqual([ids.muhammad]);
    expect(await top('Alexander Ivanov')).toEqual([ids.ivanov]);
    // known romanisations the typo tolerance does not join (person-name-variants.ts)
    expect(await top('Mohd Abdullah')).toEqual([ids.muhammad]);
    expect(await top('abdulla md')).toEqual([ids.muhammad]);
    expect(await top('Александр Иванов')).toEqual([ids.ivanov]);
    expect(await top('nguyen van duc')).toEqual([ids.nguyen]);
    expect(await top('NGUYỄN VĂN ĐỨC')).toEqual([ids.nguyen]);
  });

  it('ignores spacing differences inside names', async () => {
    expect(await top('abdulrahman farid')).toEqual([ids.abdulRahman]);
    expect(await top('farid abdul rahman')).toEqual([ids.abdulRahman]);
  });

  it('finds aliases and names typed partly', async () => {
    const alias = await search(`q=${encodeURIComponent('tony lee')}`);
    expect(alias.items[0]).toMatchObject({ id: ids.leeTony, match: { via: 'name', text: 'LEE TONY' } });
    expect(await top('muham abdul', 2)).toContain(ids.muhammad);
  });

  it('answers an unrelated or hostile query with nothing', async () => {
    expect((await search(`q=${encodeURIComponent('xqzvy')}`)).items).toEqual([]);
    expect((await search(`q=${encodeURIComponent("%' or 1=1 --")}`)).total).toBe(0);
    expect((await search(`q=${encodeURIComponent('_%_')}`)).total).toBe(0);
  });
});

describe('search by number', () => {
  it('finds a travel document number exactly, however it is written', async () => {
    for (const q of ['E12345678', 'e 1234 5678', 'E1234-5678']) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(res.items[0], q).toMatchObject({
        id: ids.zhangWei,
        match: { via: 'document', text: 'E12345678', score: 2 },
      });
    }
    expect((await search('q=E12345679')).total).toBe(0);
  });

  it('finds a permit number', async () => {
    const res = await search(`q=${encodeURIComponent('2C21AB1234 XY')}`);
    expect(res.items[0]).toMatchObject({ id: ids.zhangWei, match: { via: 'permit', text: '2C21AB1234-XY' } });
  });
});

describe('filters and pages', () => {
  it('filters by area at any level, nationality, permit type and sponsor', async () => {
    const inPagarAlam = await search('region=16.72&limit=200');
    expect(inPagarAlam.items.map((i) => i.id).sort()).toEqual([ids.zhangWei, ids.nguyen, ids.ivanov].sort());
    expect((await search('region=16.72.01&limit=200')).total).toBe(3);
    expect((await search('region=16.04.01.2001')).total).toBe(4);
    const malaysians = await search('nationality=MYS&limit=200');
    expect(malaysians.total).toBe(4);
    expect((await search('nationality=MYS&region=16.04&permitType=ITAP')).items.map((i) => i.id)).toEqual([
      ids.abdulRahman,
    ]);
    expect((await search(`sponsorId=${sponsorId}`)).items.map((i) => i.id)).toEqual([ids.abdulRahman]);
    expect((await search('q=abdullah&nationality=MYS')).items.map((i) => i.id)).toContain(ids.muhammad);
    expect((await search('q=abdullah&nationality=CHN')).items).toEqual([]);
  });

  it('filters by status, agreeing with the status shown for each person', async () => {
    const expected: Record<string, PersonStatusCode> = {
      zhangWei: 'active',
      muhammad: 'expiring',
      nguyen: 'overstay',
      abdulRahman: 'active',
      ivanov: 'document_expired',
      leeTony: 'exited',
      noPermit: 'unknown',
    };
    const all = await search('limit=200');
    const seen = new Map<string, PersonStatusCode>();
    for (const code of ['active', 'expiring', 'overstay', 'document_expired', 'exited', 'unknown'] as const) {
      const page = await search(`status=${code}&limit=200`);
      for (const item of page.items) {
        expect(item.status.code).toBe(code);
        expect(seen.has(item.id), `${item.id} in two statuses`).toBe(false);
        seen.set(item.id, code);
      }
    }
    expect(seen.size).toBe(all.total);
    for (const [key, code] of Object.entries(expected)) {
      expect(seen.get(ids[key] as string), key).toBe(code);
    }
    const overstay = (await search('status=overstay')).items.find((i) => i.id === ids.nguyen);
    expect(overstay?.status).toMatchObject({ code: 'overstay', overstayDays: 12 });
  });

  it('pages through results with a stable total, in name order without a query', async () => {
    const all = await search('limit=200');
    expect(all.total).toBe(29);
    const names = all.items.map((i) => `${i.surname} ${i.givenNames}`);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const first = await search('limit=10&offset=0');
    const third = await search('limit=10&offset=20');
    expect(first.total).toBe(29);
    expect(third.items).toHaveLength(9);
    expect([...first.items, ...third.items].map((i) => i.id)).toEqual([
      ...all.items.slice(0, 10).map((i) => i.id),
      ...all.items.slice(20).map((i) => i.id),
    ]);
    const ranked = await search('q=wei&limit=3');
    const rest = await search('q=wei&limit=3&offset=3');
    expect(ranked.total).toBe(rest.total);
    expect(new Set([...ranked.items, ...rest.items].map((i) => i.id)).size).toBe(
      ranked.items.length + rest.items.length,
    );
  });
});

describe('search by old document', () => {
  it('finds a person by a passport that has since been renewed', async () => {
    const person = await buildPerson(env, {
      surname: 'OKAFOR',
      givenNames: 'EMEKA',
      nationality: 'NGA',
      document: { number: 'A0765432', issuingState: 'NGA', expiryDate: '2024-01-31' },
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    await api.post(`/api/v1/persons/${person.id}/documents`, {
      type: 'P',
      number: 'A0999111',
      issuingState: 'NGA',
      expiryDate: '2034-01-31',
    });
    for (const q of ['A0765432', 'A0999111']) {
      const res = await search(`q=${q}`);
      expect(
        res.items.map((i) => i.id),
        q,
      ).toEqual([person.id]);
      expect(res.items[0]?.match).toMatchObject({ via: 'document', text: q });
    }
  });
});

describe('scope', () => {
  it("finds only persons in the searcher's area", async () => {
    const jakarta = await buildAgency(env, { name: 'Polres Metro Jakarta Barat', regionCode: '31.73' });
    const member = await signInAs(env, 'agency_member', { agencyId: jakarta.id });
    for (const q of ['zhang wei', 'E12345678', '2C21AB1234-XY', 'mohammed abdullah']) {
      const res = await member.api.get(`/api/v1/persons?q=${encodeURIComponent(q)}`);
      expect(res.json(), q).toEqual({ items: [], total: 0, capped: false });
    }
    const inJakarta = await buildPerson(env, { surname: 'ZHANG', givenNames: 'WEI', address: { regionCode: '31.73' } });
    const res = await member.api.get('/api/v1/persons?q=zhang%20wie');
    expect(res.json().items.map((i: Item) => i.id)).toEqual([inJakarta.id]);
  });
});

describe('names added after a search', () => {
  const here = { regionCode: PAGAR_ALAM_VILLAGE };
  it('finds a person recorded after the previous search', async () => {
    expect(await top('kowalczyk agnieszka')).toEqual([]);
    const person = await buildPerson(env, {
      surname: 'KOWALCZYK',
      givenNames: 'AGNIESZKA',
      nationality: 'POL',
      address: here,
    });
    expect(await top('kowalcyzk agnieszka')).toEqual([person.id]);
  });

  it('does not lose a name committed after a later one (two server nodes writing at once)', async (ctx) => {
    const pool = env.database.pool;
    if (!pool) {
      ctx.skip(); // one connection in embedded mode: writes cannot overlap
      return;
    }
    const slow = await pool.connect();
    try {
      // node A takes the next name key id and has not committed yet…
      await slow.query('begin');
      const a = drizzle(slow, { schema }) as unknown as Db;
      const name = { surname: 'ADEYEMI', givenNames: 'OLUWASEUN', fullName: null };
      const [keyId] = await ensureNameKeys(a, [name]);
      const id = randomUUID();
      await a.insert(persons).values({ id, ...name, nationality: 'NGA', regionCode: PAGAR_ALAM_VILLAGE });
      await a.insert(personNames).values({
        id: randomUUID(),
        personId: id,
        kind: 'primary',
        ...name,
        searchName: searchNameOf(name.surname, name.givenNames),
        nameKeyId: keyId as number,
        sourceKind: 'import',
      });
      // …while node B records a later one, which a search sees first
      const later = await buildPerson(env, {
        surname: 'EZE',
        givenNames: 'CHINONSO',
        nationality: 'NGA',
        address: here,
      });
      expect(await top('eze chinonso')).toEqual([later.id]);
      expect(await top('adeyemi oluwaseun')).toEqual([]);
      await slow.query('commit');
      expect(await top('adeymi oluwaseun')).toEqual([id]);
    } finally {
      slow.release();
    }
  });

  it('forgets nothing when a transaction that created a name rolls back', async () => {
    await expect(
      env.database.transaction(async (tx) => {
        await ensureNameKeys(tx, [{ surname: 'RASMUSSEN', givenNames: 'FREJA', fullName: null }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const person = await buildPerson(env, {
      surname: 'RASMUSSEN',
      givenNames: 'FREJA',
      nationality: 'DNK',
      address: here,
    });
    expect(await top('rasmusen freja')).toEqual([person.id]);
  });
});

describe('names as near as each other', () => {
  it('lists the first holders of each name shown with the same score before the rest of any', async () => {
    // "zho li" is one letter from ZHAO LI and from ZHOU LI; five ZHAO LI must not fill the first page
    for (let i = 0; i < 5; i += 1) {
      await buildPerson(env, {
        surname: 'ZHAO',
        givenNames: 'LI',
        nationality: 'CHN',
        address: { regionCode: '16.03' },
      });
    }
    const zhou = await buildPerson(env, {
      surname: 'ZHOU',
      givenNames: 'LI',
      nationality: 'CHN',
      address: { regionCode: '16.03' },
    });
    const page = await search(`q=${encodeURIComponent('zho li')}&limit=4`);
    expect(page.items.map((i) => `${i.surname} ${i.givenNames}`)).toEqual(['ZHAO LI', 'ZHAO LI', 'ZHAO LI', 'ZHOU LI']);
    expect(page.items[3]?.id).toBe(zhou.id);
    // the rest of the ZHAO LI follow, and the scores shown never rise down the list
    const all = await search(`q=${encodeURIComponent('zho li')}&limit=10`);
    expect(all.items.slice(4, 6).map((i) => i.surname)).toEqual(['ZHAO', 'ZHAO']);
    const scores = all.items.map((i) => i.match?.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
