// Visa index codes (indeks visa) that stay permits are issued on. The list follows the decree in force — the index
// scheme of the Minister's regulation on visas and stay permits (Permenkumham 22/2023 and its amendments) replaced
// the older B211x and C3xx indexes — and was compiled from ../shared/DOMAIN.md and the public visa pages of the
// Directorate General of Immigration. It is NOT authoritative: check every code and label against the decree in force
// before relying on it, and edit this data (with a new version) when a decree changes the list; never code against an
// index. Old indexes stay in the table, marked with `validTo`, because permits issued on them are still on file.
// `validFrom`/`validTo` have year precision ("2023"); null means open. Bump the version whenever anything changes.
import type { CodeTable } from '../../../../contracts/code-tables';
import type { PermitType } from '../../../../contracts/persons';

type VisaIndex = {
  code: string;
  /** the stay permit a visa of this index usually leads to */
  permitType: PermitType;
  /** the visit visas allow one entry or several */
  entry: 'single' | 'multiple' | null;
  validFrom: string | null;
  validTo: string | null;
  label: { id: string; en: string };
};

const current = (code: string, permitType: PermitType, entry: VisaIndex['entry'], id: string, en: string) =>
  ({ code, permitType, entry, validFrom: '2023', validTo: null, label: { id, en } }) satisfies VisaIndex;
const historic = (code: string, permitType: PermitType, entry: VisaIndex['entry'], id: string, en: string) =>
  ({ code, permitType, entry, validFrom: null, validTo: '2023', label: { id, en } }) satisfies VisaIndex;

const items: VisaIndex[] = [
  current('B1', 'ITK', 'single', 'Visa kunjungan saat kedatangan (VoA) wisata', 'Visa on arrival, tourism'),
  current('C1', 'ITK', 'single', 'Visa kunjungan sekali perjalanan: wisata', 'Single-entry visit visa: tourism'),
  current('C2', 'ITK', 'single', 'Visa kunjungan sekali perjalanan: bisnis', 'Single-entry visit visa: business'),
  current(
    'D1',
    'ITK',
    'multiple',
    'Visa kunjungan beberapa kali perjalanan: wisata',
    'Multiple-entry visit visa: tourism',
  ),
  current(
    'D2',
    'ITK',
    'multiple',
    'Visa kunjungan beberapa kali perjalanan: bisnis',
    'Multiple-entry visit visa: business',
  ),
  current('E23', 'ITAS', null, 'Visa tinggal terbatas: bekerja', 'Limited-stay visa: work'),
  current('E28A', 'ITAS', null, 'Visa tinggal terbatas: penanaman modal', 'Limited-stay visa: investment'),
  current('E30', 'ITAS', null, 'Visa tinggal terbatas: pendidikan', 'Limited-stay visa: study'),
  current(
    'E31A',
    'ITAS',
    null,
    'Visa tinggal terbatas: penyatuan keluarga dengan suami/istri WNI',
    'Limited-stay visa: joining an Indonesian spouse',
  ),
  current('E31', 'ITAS', null, 'Visa tinggal terbatas: penyatuan keluarga', 'Limited-stay visa: family reunification'),
  current(
    'E32',
    'ITAS',
    null,
    'Visa tinggal terbatas: eks WNI dan keturunannya',
    'Limited-stay visa: former Indonesian citizens and their descendants',
  ),
  current(
    'E33',
    'ITAS',
    null,
    'Visa tinggal terbatas: lanjut usia / rumah kedua',
    'Limited-stay visa: retirement / second home',
  ),
  current(
    'E33G',
    'ITAS',
    null,
    'Visa tinggal terbatas: pekerja jarak jauh (remote worker)',
    'Limited-stay visa: remote worker',
  ),
  historic(
    'B211A',
    'ITK',
    'single',
    'Indeks lama B211A: visa kunjungan (wisata, bisnis, sosial)',
    'Old index B211A: visit visa (tourism, business, social)',
  ),
  historic(
    'B211B',
    'ITK',
    'single',
    'Indeks lama B211B: visa kunjungan industri',
    'Old index B211B: industrial visit visa',
  ),
  historic(
    'C312',
    'ITAS',
    null,
    'Indeks lama C312: visa tinggal terbatas bekerja',
    'Old index C312: limited-stay visa, work',
  ),
  historic(
    'C313',
    'ITAS',
    null,
    'Indeks lama C313: visa tinggal terbatas penanaman modal',
    'Old index C313: limited-stay visa, investment',
  ),
  historic(
    'C314',
    'ITAS',
    null,
    'Indeks lama C314: visa tinggal terbatas penanaman modal',
    'Old index C314: limited-stay visa, investment',
  ),
  historic('C315', 'ITAS', null, 'Indeks lama C315: visa tinggal terbatas', 'Old index C315: limited-stay visa'),
  historic(
    'C316',
    'ITAS',
    null,
    'Indeks lama C316: visa tinggal terbatas pendidikan',
    'Old index C316: limited-stay visa, study',
  ),
  historic(
    'C317',
    'ITAS',
    null,
    'Indeks lama C317: visa tinggal terbatas penyatuan keluarga',
    'Old index C317: limited-stay visa, family reunification',
  ),
  historic('C318', 'ITAS', null, 'Indeks lama C318: visa tinggal terbatas', 'Old index C318: limited-stay visa'),
  historic(
    'C319',
    'ITAS',
    null,
    'Indeks lama C319: visa tinggal terbatas lanjut usia',
    'Old index C319: limited-stay visa, retirement',
  ),
];

export const visaIndexes = {
  name: 'visa-indexes',
  version: '2026.1',
  items: items.map((i) => ({ ...i })),
} satisfies CodeTable;
