// Demo data for the register: foreigners living in the working area of Kantor Imigrasi Muara Enim (Kabupaten Muara
// Enim, Lahat, Empat Lawang, Kota Pagar Alam) as such an office might hold them — workers of plantations, coal mines,
// a coal power plant (PLTU) and hydro plants (PLTA), teachers, missionaries, hotel guests on visit permits, spouses of
// Indonesians, retirees — with passports whose MRZ check digits pass, permit histories, and some expiring,
// overstaying, departed or with an expired passport. Everything is invented and follows from the seed: the same seed
// and `now` give the same people. The demo module decides when to load it.
import { and, eq, like, or } from 'drizzle-orm';
import type { PermitType, PersonCreate } from '../../../contracts/persons';
import { personCreate } from '../../../contracts/persons';
import type { Tx } from '../../db/client';
import { regions } from '../../db/schema/regions';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { formatMrz } from '../mrz/mrz';
import { createSponsorIn } from '../sponsors/sponsors.service';
import { recordClaim, type SourceRecord } from './person-records';
import { addDays, localDate } from './person-status';
import { recordNewPerson } from './persons.service';

const WORKING_AREA = ['16.03', '16.04', '16.11', '16.72'];

/** Regency seats, for coordinates near where people live (no village coordinates ship with the area data). */
const regencyCentre: Record<string, [number, number]> = {
  '16.03': [-3.66, 103.77],
  '16.04': [-3.79, 103.54],
  '16.11': [-3.73, 102.9],
  '16.72': [-4.02, 103.25],
};

type Rng = () => number;

/** mulberry32: small, fast and the same on every machine. */
function rngOf(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
function weighted<T extends string>(rng: Rng, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = rng() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) {
      return key;
    }
  }
  return (entries.at(-1) as [T, number])[0];
}

// ─── Names and passports by nationality ──────────────────────────────────────────────────────────────────────────

type Nationality =
  | 'CHN'
  | 'MYS'
  | 'IND'
  | 'KOR'
  | 'AUS'
  | 'JPN'
  | 'PHL'
  | 'NLD'
  | 'USA'
  | 'DEU'
  | 'GBR'
  | 'SGP'
  | 'THA'
  | 'RUS'
  | 'VNM';

const nameBook: Record<Nationality, { surnames: string[]; given: { M: string[]; F: string[] } }> = {
  CHN: {
    surnames: [
      'WANG',
      'LI',
      'ZHANG',
      'LIU',
      'CHEN',
      'YANG',
      'HUANG',
      'ZHAO',
      'WU',
      'ZHOU',
      'XU',
      'SUN',
      'MA',
      'ZHU',
      'HU',
      'GUO',
      'HE',
      'LIN',
      'LUO',
      'GAO',
    ],
    given: {
      M: [
        'WEI',
        'LEI',
        'JUN',
        'QIANG',
        'HAO',
        'YONG',
        'JIE',
        'TAO',
        'MING',
        'JIANGUO',
        'ZHIWEI',
        'GUOQIANG',
        'YUHANG',
        'HAOYU',
      ],
      F: ['FANG', 'MIN', 'JING', 'YAN', 'HUI', 'PING', 'XIN', 'LIHUA', 'HAIYAN', 'ZIHAN', 'XIAOMEI'],
    },
  },
  MYS: {
    surnames: ['BIN ABDULLAH', 'BIN ISMAIL', 'BIN HASSAN', 'BINTI AHMAD', 'TAN', 'LIM', 'WONG', 'NG'],
    given: {
      M: ['AHMAD FAIZAL', 'MUHAMMAD HAFIZ', 'MOHD RIZAL', 'CHEE KEONG', 'KAH WAI'],
      F: ['NUR AISYAH', 'SITI NORAINI', 'MEI LING', 'SIEW LAN'],
    },
  },
  IND: {
    surnames: ['KUMAR', 'SINGH', 'SHARMA', 'PATEL', 'REDDY', 'NAIR', 'IYER', 'GUPTA', 'DAS', 'RAO'],
    given: {
      M: ['RAJESH', 'SURESH', 'ANIL', 'DEEPAK', 'VIJAY', 'RAHUL', 'ARUN', 'SANJAY'],
      F: ['PRIYA', 'LAKSHMI', 'ANJALI', 'KAVITHA'],
    },
  },
  KOR: {
    surnames: ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM'],
    given: {
      M: ['MINJUN', 'JIHOON', 'HYUNWOO', 'DONGHYUN', 'YOUNGHO', 'SEUNGMIN'],
      F: ['SEOYEON', 'SUJIN', 'EUNJI', 'HYEJIN'],
    },
  },
  AUS: {
    surnames: ['SMITH', 'JONES', 'WILLIAMS', 'BROWN', 'WILSON', 'TAYLOR', 'MORTON', 'WHITE'],
    given: { M: ['JAMES', 'JACK', 'THOMAS', 'LACHLAN', 'NOAH'], F: ['OLIVIA', 'CHARLOTTE', 'EMILY', 'MIA'] },
  },
  JPN: {
    surnames: ['SATO', 'SUZUKI', 'TAKAHASHI', 'TANAKA', 'WATANABE', 'ITO', 'YAMAMOTO', 'NAKAMURA', 'KOBAYASHI'],
    given: { M: ['HIROSHI', 'KENJI', 'TAKESHI', 'DAISUKE', 'HARUTO'], F: ['YUKI', 'AKIKO', 'NAOKO', 'SAKURA'] },
  },
  PHL: {
    surnames: ['SANTOS', 'REYES', 'CRUZ', 'BAUTISTA', 'OCAMPO', 'GARCIA', 'MENDOZA', 'TORRES'],
    given: { M: ['JOSE', 'JUAN', 'MARK ANTHONY', 'JOHN PAUL'], F: ['MARIA', 'ANGELICA', 'KRISTINE', 'MARIA CLARA'] },
  },
  NLD: {
    surnames: ['DE JONG', 'JANSEN', 'DE VRIES', 'VAN DEN BERG', 'VAN DIJK', 'BAKKER', 'VISSER', 'SMIT'],
    given: { M: ['JAN', 'PIETER', 'DAAN', 'WILLEM'], F: ['SANNE', 'LOTTE', 'ANNEKE'] },
  },
  USA: {
    surnames: ['JOHNSON', 'MILLER', 'DAVIS', 'GARCIA', 'RODRIGUEZ', 'MARTINEZ', 'ANDERSON', 'THOMAS'],
    given: { M: ['MICHAEL', 'DAVID', 'ROBERT', 'DANIEL'], F: ['JENNIFER', 'SARAH', 'JESSICA', 'ASHLEY'] },
  },
  DEU: {
    surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Schäfer'],
    given: { M: ['Lukas', 'Jonas', 'Felix', 'Jürgen'], F: ['Anna', 'Lea', 'Jülide', 'Käthe'] },
  },
  GBR: {
    surnames: ['TAYLOR', 'EVANS', 'THOMAS', 'ROBERTS', 'WALKER', 'WRIGHT'],
    given: { M: ['OLIVER', 'HARRY', 'GEORGE'], F: ['AMELIA', 'ISLA', 'GRACE'] },
  },
  SGP: { surnames: ['TAN', 'LIM', 'ONG', 'GOH'], given: { M: ['WEI MING', 'JUN JIE'], F: ['HUI LING', 'XIN YI'] } },
  THA: {
    surnames: ['SRISAI', 'CHAIYAPORN', 'WONGSAWAT', 'BOONMA'],
    given: { M: ['SOMCHAI', 'NATTAPONG'], F: ['SIRIPORN', 'KANYA'] },
  },
  RUS: {
    surnames: ['IVANOV', 'SMIRNOV', 'KUZNETSOV', 'POPOV'],
    given: { M: ['ALEKSANDR', 'DMITRII', 'SERGEI'], F: ['ELENA', 'OLGA', 'ANNA'] },
  },
  VNM: {
    surnames: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'],
    given: { M: ['Văn An', 'Minh Tuấn', 'Đức Anh'], F: ['Thị Hoa', 'Thị Lan'] },
  },
};

const russianCyrillic: Record<string, string> = {
  IVANOV: 'Иванов',
  SMIRNOV: 'Смирнов',
  KUZNETSOV: 'Кузнецов',
  POPOV: 'Попов',
  ALEKSANDR: 'Александр',
  DMITRII: 'Дмитрий',
  SERGEI: 'Сергей',
  ELENA: 'Елена',
  OLGA: 'Ольга',
  ANNA: 'Анна',
};

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => String(int(rng, 0, 9))).join('');
const letter = (rng: Rng, from = 'ABCDEFGHJKLMNPRSTUVWXYZ') => from.charAt(int(rng, 0, from.length - 1));

/** Passport numbers shaped like each issuer's (letters and lengths), not real numbers. */
const passportNumber: Record<Nationality, (rng: Rng) => string> = {
  CHN: (r) => `E${digits(r, 8)}`,
  MYS: (r) => `A${digits(r, 8)}`,
  IND: (r) => `${letter(r)}${digits(r, 7)}`,
  KOR: (r) => `M${digits(r, 8)}`,
  AUS: (r) => `P${letter(r, 'ABCDE')}${digits(r, 7)}`,
  JPN: (r) => `T${letter(r, 'KRZ')}${digits(r, 7)}`,
  PHL: (r) => `P${digits(r, 7)}${letter(r, 'AB')}`,
  NLD: (r) => `N${letter(r)}${letter(r)}${digits(r, 6)}`,
  USA: (r) => `5${digits(r, 8)}`,
  DEU: (r) => `C${Array.from({ length: 8 }, () => letter(r, 'CFGHJKLMNPRTVWXYZ0123456789')).join('')}`,
  GBR: (r) => `1${digits(r, 8)}`,
  SGP: (r) => `K${digits(r, 7)}${letter(r)}`,
  THA: (r) => `A${letter(r)}${digits(r, 7)}`,
  RUS: (r) => `7${digits(r, 8)}`,
  VNM: (r) => `C${digits(r, 7)}`,
};

// ─── Sponsors and profiles ───────────────────────────────────────────────────────────────────────────────────────

type Profile = 'pltu' | 'coal' | 'plantation' | 'hydro' | 'school' | 'mission' | 'hotel' | 'spouse' | 'retiree';

const profileWeights: Record<Profile, number> = {
  pltu: 20,
  coal: 18,
  plantation: 18,
  hydro: 8,
  school: 5,
  mission: 4,
  hotel: 12,
  spouse: 10,
  retiree: 5,
};

const nationalityWeights: Record<Profile, Partial<Record<Nationality, number>>> = {
  pltu: { CHN: 80, KOR: 10, JPN: 10 },
  coal: { CHN: 55, AUS: 15, IND: 15, KOR: 10, MYS: 5 },
  plantation: { MYS: 35, IND: 30, CHN: 20, PHL: 15 },
  hydro: { CHN: 60, JPN: 25, KOR: 15 },
  school: { AUS: 25, USA: 25, GBR: 20, PHL: 20, NLD: 10 },
  mission: { NLD: 30, USA: 30, DEU: 20, KOR: 20 },
  hotel: { CHN: 20, MYS: 15, SGP: 15, AUS: 10, DEU: 10, RUS: 10, NLD: 10, THA: 5, VNM: 5 },
  spouse: { MYS: 15, AUS: 15, NLD: 15, DEU: 10, JPN: 10, KOR: 10, USA: 10, GBR: 10, PHL: 5 },
  retiree: { AUS: 35, NLD: 25, JPN: 15, GBR: 15, USA: 10 },
};

type DemoSponsor = { kind: 'company'; name: string; regionCode: string; profiles: Profile[] };

const companySponsors: DemoSponsor[] = [
  { kind: 'company', name: 'PT Sumsel Energi Pembangkit (PLTU Enim)', regionCode: '16.03', profiles: ['pltu'] },
  { kind: 'company', name: 'PT Batubara Enim Jaya', regionCode: '16.03', profiles: ['coal'] },
  { kind: 'company', name: 'PT Tambang Merapi Lahat', regionCode: '16.04', profiles: ['coal'] },
  { kind: 'company', name: 'PT Sawit Lahat Lestari', regionCode: '16.04', profiles: ['plantation'] },
  { kind: 'company', name: 'PT Agro Enim Perkasa', regionCode: '16.03', profiles: ['plantation'] },
  { kind: 'company', name: 'PT Perkebunan Teh Dempo', regionCode: '16.72', profiles: ['plantation'] },
  { kind: 'company', name: 'PT Lematang Hidro Daya (PLTA)', regionCode: '16.04', profiles: ['hydro'] },
  { kind: 'company', name: 'PT Musi Hidro Empat Lawang (PLTA)', regionCode: '16.11', profiles: ['hydro'] },
  { kind: 'company', name: 'Yayasan Sekolah Internasional Bukit Dempo', regionCode: '16.72', profiles: ['school'] },
  { kind: 'company', name: 'Yayasan Misi Kasih Sumatera', regionCode: '16.72', profiles: ['mission'] },
  { kind: 'company', name: 'Jemaat Gereja Injili Muara Enim', regionCode: '16.03', profiles: ['mission'] },
  { kind: 'company', name: 'Hotel Dempo Indah', regionCode: '16.72', profiles: ['hotel'] },
  { kind: 'company', name: 'Hotel Lahat Permai', regionCode: '16.04', profiles: ['hotel'] },
];

const spouseNames = [
  'Siti Rahmawati',
  'Budi Santoso',
  'Dewi Lestari',
  'Ahmad Fauzi',
  'Rina Marlina',
  'Yohanes Simanjuntak',
  'Nurul Hidayah',
  'Agus Salim',
];

const entryPorts = [
  'Bandara Internasional Sultan Mahmud Badaruddin II, Palembang',
  'Bandara Internasional Soekarno-Hatta, Tangerang',
  'Bandara Internasional I Gusti Ngurah Rai, Denpasar',
  'Pelabuhan Laut Batam Centre',
];

type TargetStatus = 'active' | 'expiring' | 'overstay' | 'exited' | 'document_expired' | 'unknown';
const statusWeights: Record<TargetStatus, number> = {
  active: 70,
  expiring: 11,
  overstay: 8,
  exited: 5,
  document_expired: 4,
  unknown: 2,
};

function permitPlan(rng: Rng, profile: Profile): { type: PermitType; visaIndex: string; days: number } {
  switch (profile) {
    case 'hotel':
      return { type: 'ITK', visaIndex: pick(rng, ['B1', 'C1', 'C2', 'D1', 'D2']), days: pick(rng, [30, 60]) };
    case 'spouse':
      return rng() < 0.5
        ? { type: 'ITAS', visaIndex: 'E31A', days: 365 }
        : { type: 'ITAP', visaIndex: 'E31A', days: 5 * 365 };
    case 'retiree':
      return { type: 'ITAS', visaIndex: 'E33', days: 365 };
    case 'coal':
    case 'plantation':
      return rng() < 0.15
        ? { type: 'ITAS', visaIndex: 'E28A', days: 730 }
        : { type: 'ITAS', visaIndex: 'E23', days: 365 };
    default:
      return { type: 'ITAS', visaIndex: 'E23', days: 365 };
  }
}

export type RegisterDemoResult = { persons: number; sponsors: number; byTargetStatus: Record<TargetStatus, number> };

/**
 * Creates `count` foreigners (about 300 make a believable office) and their sponsors in the caller's transaction,
 * through the same code as the API (MRZ read and cross-checked, names indexed), as the context's actor, with one
 * audit row for the whole load.
 */
export async function seedRegisterDemo(
  tx: Tx,
  ctx: Ctx,
  opts: { seed: number; count: number; now: Date },
): Promise<RegisterDemoResult> {
  const rng = rngOf(opts.seed);
  const today = localDate(opts.now, 'WIB');
  const villages = (
    await tx
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.level, 4), or(...WORKING_AREA.map((c) => like(regions.code, `${c}.%`)))))
      .orderBy(regions.code)
  ).map((r) => r.code);
  if (villages.length === 0) {
    throw new Error('the areas of the Muara Enim working area are not loaded');
  }
  const villageIn = (prefix: string) => {
    const inside = villages.filter((v) => v.startsWith(`${prefix}.`));
    return pick(rng, inside.length > 0 ? inside : villages);
  };
  const source: SourceRecord = {
    sourceKind: 'import',
    sourceAgencyId: null,
    sourceUserId: null,
    sourceRef: `demo:register:${opts.seed}`,
    recordedAt: opts.now,
  };

  const companies: { id: string; name: string; regionCode: string; profiles: Profile[] }[] = [];
  for (const { profiles, ...sponsor } of companySponsors) {
    const row = await createSponsorIn(tx, ctx, {
      ...sponsor,
      registrationNo: `9120${digits(rng, 9)}`,
      contactPerson: pick(rng, ['Hendra Wijaya', 'Sri Wahyuni', 'Eko Prasetyo', 'Maya Sari', 'Rudi Hartono']),
      phone: `+62 8${digits(rng, 2)} ${digits(rng, 4)} ${digits(rng, 4)}`,
      email: null,
      address: `Jl. ${pick(rng, ['Lintas Sumatera', 'Jenderal Sudirman', 'Ahmad Yani', 'Merdeka', 'Kapten Sanap'])} Km ${int(rng, 1, 40)}`,
    });
    companies.push({ id: row.id, name: row.name, regionCode: sponsor.regionCode, profiles });
  }
  const spouseSponsors: { id: string; regionCode: string }[] = [];
  for (const name of spouseNames) {
    const regionCode = villageIn(pick(rng, WORKING_AREA));
    const row = await createSponsorIn(tx, ctx, {
      kind: 'person',
      name,
      registrationNo: `16${digits(rng, 14)}`,
      contactPerson: null,
      phone: `+62 8${digits(rng, 2)} ${digits(rng, 4)} ${digits(rng, 4)}`,
      email: null,
      address: `Jl. ${pick(rng, ['Mawar', 'Melati', 'Kenanga', 'Cempaka'])} No. ${int(rng, 1, 120)}`,
      regionCode,
    });
    spouseSponsors.push({ id: row.id, regionCode });
  }

  const byTargetStatus: Record<TargetStatus, number> = {
    active: 0,
    expiring: 0,
    overstay: 0,
    exited: 0,
    document_expired: 0,
    unknown: 0,
  };
  const seen = new Set<string>();
  for (let i = 0; i < opts.count; i += 1) {
    const profile = weighted(rng, profileWeights);
    const nationality = weighted(rng, nationalityWeights[profile] as Record<Nationality, number>);
    const workerProfile = ['pltu', 'coal', 'plantation', 'hydro'].includes(profile);
    const sex: 'M' | 'F' = rng() < (workerProfile ? 0.88 : 0.5) ? 'M' : 'F';
    const book = nameBook[nationality];
    const surname = pick(rng, book.surnames);
    const givenNames = pick(rng, book.given[sex]);
    const [minYear, maxYear] = profile === 'retiree' ? [1950, 1965] : profile === 'hotel' ? [1960, 2004] : [1965, 2000];
    const year = int(rng, minYear, maxYear);
    const birthDate =
      rng() < 0.03
        ? String(year)
        : `${year}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`;

    const status = profile === 'hotel' && rng() < 0.5 ? 'active' : weighted(rng, statusWeights);
    byTargetStatus[status] += 1;
    const plan = permitPlan(rng, profile);
    const daysLeft =
      status === 'expiring'
        ? int(rng, 0, 30)
        : status === 'overstay'
          ? -int(rng, 1, 90)
          : plan.days > 31
            ? int(rng, 31, plan.days - 1)
            : int(rng, 0, plan.days - 1);
    const validUntil = addDays(today, daysLeft);
    const validFrom = addDays(validUntil, -(plan.days - 1));
    const passportExpiry =
      status === 'document_expired' ? addDays(today, -int(rng, 1, 180)) : addDays(validUntil, int(rng, 200, 3000));
    const passportIssue = addDays(passportExpiry, -(10 * 365 + 2));

    let number = passportNumber[nationality](rng);
    while (seen.has(`${nationality}:${number}`)) {
      number = passportNumber[nationality](rng);
    }
    seen.add(`${nationality}:${number}`);
    const mrz = formatMrz('TD3', {
      issuingState: nationality,
      documentNumber: number,
      surname,
      givenNames,
      nationality,
      birthDate,
      sex,
      expiryDate: passportExpiry,
    }).join('\n');

    let sponsorId: string | null = null;
    let company: (typeof companies)[number] | null = null;
    let regionCode: string;
    if (profile === 'spouse') {
      const spouse = pick(rng, spouseSponsors);
      sponsorId = spouse.id;
      regionCode = spouse.regionCode;
    } else if (profile === 'retiree') {
      regionCode = villageIn(pick(rng, ['16.72', '16.04']));
    } else {
      company = pick(
        rng,
        companies.filter((c) => c.profiles.includes(profile)),
      );
      sponsorId = company.id;
      regionCode = villageIn(company.regionCode);
    }
    const workplace = company && profile !== 'hotel' ? company.name : null;
    const regency = regionCode.slice(0, 5);
    const [lat, lng] = regencyCentre[regency] ?? [-3.8, 103.5];

    const names: PersonCreate['names'] = [];
    if (nationality === 'RUS') {
      names.push({
        kind: 'transliteration',
        fullName: `${russianCyrillic[givenNames] ?? givenNames} ${russianCyrillic[surname] ?? surname}`,
      });
    }
    if (nationality === 'CHN' && rng() < 0.15) {
      names.push({ kind: 'alias', surname, givenNames: pick(rng, ['TONY', 'KEVIN', 'JACK', 'LUCY', 'AMY']) });
    }

    const entryDate = plan.type === 'ITK' ? validFrom : addDays(validFrom, -int(rng, 0, 20));
    const leftOn = addDays(today, -int(rng, 1, 20));
    const exitDate = status === 'exited' ? ([leftOn, entryDate].sort().at(-1) ?? leftOn) : null;
    const input: PersonCreate = {
      surname,
      givenNames,
      sex,
      birthDate,
      birthPlace:
        rng() < 0.6
          ? pick(rng, [
              'BEIJING',
              'SHANGHAI',
              'KUALA LUMPUR',
              'CHENNAI',
              'SEOUL',
              'PERTH',
              'OSAKA',
              'MANILA',
              'UTRECHT',
              'TEXAS',
            ])
          : null,
      nationality,
      workplace,
      names,
      document: { mrz, issueDate: passportIssue },
      address: {
        regionCode,
        text:
          profile === 'hotel'
            ? `Tamu ${company?.name ?? 'hotel'}`
            : workerProfile
              ? `Mess karyawan ${workplace ?? ''}`.trim()
              : `Jl. ${pick(rng, ['Mawar', 'Melati', 'Anggrek', 'Dahlia', 'Flamboyan'])} No. ${int(rng, 1, 150)}`,
        latitude: Math.round((lat + (rng() - 0.5) * 0.2) * 1e5) / 1e5,
        longitude: Math.round((lng + (rng() - 0.5) * 0.2) * 1e5) / 1e5,
        validFrom: entryDate,
      },
      ...(sponsorId ? { sponsorId } : {}),
      ...(status === 'unknown'
        ? {}
        : {
            permit: {
              type: plan.type,
              visaIndex: plan.visaIndex,
              number: `${plan.type === 'ITK' ? '1' : '2'}C${int(rng, 11, 39)}${letter(rng)}${letter(rng)}${digits(rng, 4)}-${letter(rng)}${letter(rng)}`,
              validFrom,
              validUntil,
              entryDate,
              entryPort: pick(rng, entryPorts),
              exitDate,
              exitPort: exitDate ? pick(rng, entryPorts) : null,
              sponsorId,
            },
          }),
      notes: null,
      confirmNewPerson: true,
    };
    const person = await recordNewPerson(tx, ctx, personCreate.parse(input), source);

    // Another source that disagrees: the manpower office's spreadsheet has some birth dates and spellings wrong.
    if (workerProfile && rng() < 0.1) {
      const otherSource: SourceRecord = { ...source, sourceRef: `demo:disnaker-${opts.seed}.xlsx` };
      await recordClaim(
        tx,
        person.id,
        {
          surname,
          givenNames: rng() < 0.5 ? givenNames.slice(0, -1) : givenNames,
          fullName: null,
          sex,
          birthDate: String(year + (rng() < 0.5 ? 1 : -1)),
          birthPlace: null,
          nationality,
        },
        otherSource,
        opts.now,
      );
    }
  }

  await appendAudit(tx, ctx, {
    action: 'register.demo_seed',
    objectType: 'person',
    purpose: 'demo',
    details: {
      seed: opts.seed,
      count: opts.count,
      sponsors: companySponsors.length + spouseNames.length,
      byTargetStatus,
    },
  });
  return { persons: opts.count, sponsors: companySponsors.length + spouseNames.length, byTargetStatus };
}
