// Demo part "orgs": the seed scenario of DOMAIN.md. Kantor Imigrasi Kelas II Non TPI Muara Enim, the regional office
// of South Sumatra, a provincial TIM PORA and the office's kabupaten/kota TIM PORA with 31 member agencies from
// Kota Pagar Alam, Kabupaten Lahat and Kabupaten Empat Lawang. People, numbers and decrees are invented.
import type { TeamLevel, TeamMemberRole } from '../../../contracts/orgs';
import { agencies, offices, teamMembers, teams } from '../../db/schema/orgs';
import type { DemoPart } from './demo.parts';

export const DEMO_MAIL_DOMAIN = 'demo.pora.id';

type DemoOffice = typeof offices.$inferInsert & { key: string };
type DemoAgency = Omit<typeof agencies.$inferInsert, 'id'> & { key: string };
type DemoMember = { agency: string; role: TeamMemberRole; liaisonName: string; liaisonPhone: string; mailbox: string };
type DemoTeam = Omit<typeof teams.$inferInsert, 'id' | 'level'> & {
  key: string;
  level: TeamLevel;
  members: DemoMember[];
};

/** Every regency and city of Sumatera Selatan (16): the regional office's working area. */
const SUMSEL_REGENCIES =
  '16.01 16.02 16.03 16.04 16.05 16.06 16.07 16.08 16.09 16.10 16.11 16.12 16.13 16.71 16.72 16.73 16.74'.split(' ');

export const demoOffices = (): Omit<DemoOffice, 'id'>[] => [
  {
    key: 'office:kanim-muara-enim',
    name: 'Kantor Imigrasi Kelas II Non TPI Muara Enim',
    officeClass: 'II_NON_TPI',
    regionCode: '16.03',
    workingArea: ['16.03', '16.04', '16.11', '16.72'],
    address: 'Jl. Demo Pengawasan No. 1, Muara Enim, Sumatera Selatan',
    phone: '+62 734 000 101',
    email: `kanim.muaraenim@${DEMO_MAIL_DOMAIN}`,
  },
  {
    key: 'office:kanwil-sumsel',
    name: 'Kantor Wilayah Direktorat Jenderal Imigrasi Sumatera Selatan',
    officeClass: 'KANWIL',
    regionCode: '16.71',
    workingArea: SUMSEL_REGENCIES,
    address: 'Jl. Demo Wilayah No. 2, Palembang, Sumatera Selatan',
    phone: '+62 711 000 202',
    email: `kanwil.sumsel@${DEMO_MAIL_DOMAIN}`,
  },
];

const PAGAR_ALAM = '16.72';
const LAHAT = '16.04';
const EMPAT_LAWANG = '16.11';

/** The immigration offices' own agencies and the provincial agencies. */
const officeAndProvincialAgencies: DemoAgency[] = [
  {
    key: 'agency:kanim-muara-enim',
    name: 'Kantor Imigrasi Kelas II Non TPI Muara Enim',
    kind: 'imigrasi',
    regionCode: '16.03',
    officeId: 'office:kanim-muara-enim',
  },
  {
    key: 'agency:kanwil-sumsel',
    name: 'Kantor Wilayah Direktorat Jenderal Imigrasi Sumatera Selatan',
    kind: 'imigrasi',
    regionCode: '16',
    officeId: 'office:kanwil-sumsel',
  },
  // Provincial members of the provincial team.
  { key: 'agency:polda-sumsel', name: 'Kepolisian Daerah Sumatera Selatan', kind: 'polri', regionCode: '16' },
  { key: 'agency:kodam-sriwijaya', name: 'Komando Daerah Militer II/Sriwijaya', kind: 'tni', regionCode: '16' },
  { key: 'agency:kejati-sumsel', name: 'Kejaksaan Tinggi Sumatera Selatan', kind: 'kejaksaan', regionCode: '16' },
  {
    key: 'agency:kesbangpol-sumsel',
    name: 'Badan Kesatuan Bangsa dan Politik Provinsi Sumatera Selatan',
    kind: 'kesbangpol',
    regionCode: '16',
  },
  {
    key: 'agency:disnakertrans-sumsel',
    name: 'Dinas Tenaga Kerja dan Transmigrasi Provinsi Sumatera Selatan',
    kind: 'disnaker',
    regionCode: '16',
  },
];

/** The 31 member agencies of the kabupaten/kota team (besides the immigration office that chairs it). */
const kabKotaMemberAgencies: DemoAgency[] = [
  { key: 'agency:polres-pagar-alam', name: 'Kepolisian Resor Pagar Alam', kind: 'polri', regionCode: PAGAR_ALAM },
  { key: 'agency:polres-lahat', name: 'Kepolisian Resor Lahat', kind: 'polri', regionCode: LAHAT },
  { key: 'agency:polres-empat-lawang', name: 'Kepolisian Resor Empat Lawang', kind: 'polri', regionCode: EMPAT_LAWANG },
  { key: 'agency:kodim-lahat', name: 'Komando Distrik Militer 0405/Lahat', kind: 'tni', regionCode: LAHAT },
  { key: 'agency:kejari-pagar-alam', name: 'Kejaksaan Negeri Pagar Alam', kind: 'kejaksaan', regionCode: PAGAR_ALAM },
  { key: 'agency:kejari-lahat', name: 'Kejaksaan Negeri Lahat', kind: 'kejaksaan', regionCode: LAHAT },
  {
    key: 'agency:kejari-empat-lawang',
    name: 'Kejaksaan Negeri Empat Lawang',
    kind: 'kejaksaan',
    regionCode: EMPAT_LAWANG,
  },
  { key: 'agency:binda-sumsel', name: 'Badan Intelijen Negara Daerah Sumatera Selatan', kind: 'bin', regionCode: '16' },
  {
    key: 'agency:kesbangpol-pagar-alam',
    name: 'Badan Kesatuan Bangsa dan Politik Kota Pagar Alam',
    kind: 'kesbangpol',
    regionCode: PAGAR_ALAM,
  },
  {
    key: 'agency:kesbangpol-lahat',
    name: 'Badan Kesatuan Bangsa dan Politik Kabupaten Lahat',
    kind: 'kesbangpol',
    regionCode: LAHAT,
  },
  {
    key: 'agency:kesbangpol-empat-lawang',
    name: 'Badan Kesatuan Bangsa dan Politik Kabupaten Empat Lawang',
    kind: 'kesbangpol',
    regionCode: EMPAT_LAWANG,
  },
  {
    key: 'agency:disnaker-pagar-alam',
    name: 'Dinas Tenaga Kerja Kota Pagar Alam',
    kind: 'disnaker',
    regionCode: PAGAR_ALAM,
  },
  { key: 'agency:disnaker-lahat', name: 'Dinas Tenaga Kerja Kabupaten Lahat', kind: 'disnaker', regionCode: LAHAT },
  {
    key: 'agency:disnaker-empat-lawang',
    name: 'Dinas Tenaga Kerja Kabupaten Empat Lawang',
    kind: 'disnaker',
    regionCode: EMPAT_LAWANG,
  },
  {
    key: 'agency:dukcapil-pagar-alam',
    name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Pagar Alam',
    kind: 'dukcapil',
    regionCode: PAGAR_ALAM,
  },
  {
    key: 'agency:dukcapil-lahat',
    name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Lahat',
    kind: 'dukcapil',
    regionCode: LAHAT,
  },
  {
    key: 'agency:dukcapil-empat-lawang',
    name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Empat Lawang',
    kind: 'dukcapil',
    regionCode: EMPAT_LAWANG,
  },
  { key: 'agency:dinkes-pagar-alam', name: 'Dinas Kesehatan Kota Pagar Alam', kind: 'dinkes', regionCode: PAGAR_ALAM },
  { key: 'agency:dinkes-lahat', name: 'Dinas Kesehatan Kabupaten Lahat', kind: 'dinkes', regionCode: LAHAT },
  {
    key: 'agency:kemenag-pagar-alam',
    name: 'Kantor Kementerian Agama Kota Pagar Alam',
    kind: 'kemenag',
    regionCode: PAGAR_ALAM,
  },
  { key: 'agency:kemenag-lahat', name: 'Kantor Kementerian Agama Kabupaten Lahat', kind: 'kemenag', regionCode: LAHAT },
  {
    key: 'agency:kemenag-empat-lawang',
    name: 'Kantor Kementerian Agama Kabupaten Empat Lawang',
    kind: 'kemenag',
    regionCode: EMPAT_LAWANG,
  },
  {
    key: 'agency:dispar-pagar-alam',
    name: 'Dinas Pariwisata Kota Pagar Alam',
    kind: 'pariwisata',
    regionCode: PAGAR_ALAM,
  },
  { key: 'agency:dispar-lahat', name: 'Dinas Pariwisata Kabupaten Lahat', kind: 'pariwisata', regionCode: LAHAT },
  {
    key: 'agency:satpolpp-pagar-alam',
    name: 'Satuan Polisi Pamong Praja Kota Pagar Alam',
    kind: 'satpol_pp',
    regionCode: PAGAR_ALAM,
  },
  {
    key: 'agency:satpolpp-lahat',
    name: 'Satuan Polisi Pamong Praja Kabupaten Lahat',
    kind: 'satpol_pp',
    regionCode: LAHAT,
  },
  {
    key: 'agency:bnn-pagar-alam',
    name: 'Badan Narkotika Nasional Kota Pagar Alam',
    kind: 'bnn',
    regionCode: PAGAR_ALAM,
  },
  { key: 'agency:bnn-lahat', name: 'Badan Narkotika Nasional Kabupaten Lahat', kind: 'bnn', regionCode: LAHAT },
  // Camat offices of real districts (idn-area-data, districts.csv).
  { key: 'agency:camat-dempo-utara', name: 'Kecamatan Dempo Utara', kind: 'camat', regionCode: '16.72.03' },
  { key: 'agency:camat-lahat', name: 'Kecamatan Lahat', kind: 'camat', regionCode: '16.04.10' },
  { key: 'agency:camat-tebing-tinggi', name: 'Kecamatan Tebing Tinggi', kind: 'camat', regionCode: '16.11.04' },
];

export const demoAgencies = (): DemoAgency[] => [...officeAndProvincialAgencies, ...kabKotaMemberAgencies];

/** Invented liaison officers (name, mobile number) per agency. */
const liaisons: Record<string, [name: string, phone: string]> = {
  'agency:kanim-muara-enim': ['Reza Pahlevi', '+62 812 7300 1101'],
  'agency:kanwil-sumsel': ['Nurul Hasanah', '+62 811 7100 2201'],
  'agency:polda-sumsel': ['Ahmad Fauzi', '+62 813 6700 3301'],
  'agency:kodam-sriwijaya': ['Bambang Setiawan', '+62 812 7801 3302'],
  'agency:kejati-sumsel': ['Maya Sari', '+62 821 7702 3303'],
  'agency:kesbangpol-sumsel': ['Irwan Syahputra', '+62 852 6703 3304'],
  'agency:disnakertrans-sumsel': ['Lestari Handayani', '+62 813 7704 3305'],
  'agency:polres-pagar-alam': ['Andi Saputra', '+62 812 7310 4401'],
  'agency:polres-lahat': ['Dodi Firmansyah', '+62 813 7311 4402'],
  'agency:polres-empat-lawang': ['Rudi Hartono', '+62 821 7312 4403'],
  'agency:kodim-lahat': ['Joko Susilo', '+62 852 7313 4404'],
  'agency:kejari-pagar-alam': ['Fitri Yanti', '+62 812 7314 4405'],
  'agency:kejari-lahat': ['Arif Rahman', '+62 813 7315 4406'],
  'agency:kejari-empat-lawang': ['Sinta Dewi', '+62 821 7316 4407'],
  'agency:binda-sumsel': ['Hadi Prasetyo', '+62 811 7317 4408'],
  'agency:kesbangpol-pagar-alam': ['Yuliana Putri', '+62 812 7318 4409'],
  'agency:kesbangpol-lahat': ['Syaiful Anwar', '+62 813 7319 4410'],
  'agency:kesbangpol-empat-lawang': ['Eka Wulandari', '+62 852 7320 4411'],
  'agency:disnaker-pagar-alam': ['Taufik Hidayat', '+62 821 7321 4412'],
  'agency:disnaker-lahat': ['Ratna Juwita', '+62 812 7322 4413'],
  'agency:disnaker-empat-lawang': ['Zulkifli', '+62 813 7323 4414'],
  'agency:dukcapil-pagar-alam': ['Novi Anggraini', '+62 852 7324 4415'],
  'agency:dukcapil-lahat': ['Herman Saleh', '+62 821 7325 4416'],
  'agency:dukcapil-empat-lawang': ['Indah Permatasari', '+62 812 7326 4417'],
  'agency:dinkes-pagar-alam': ['Wahyu Nugraha', '+62 813 7327 4418'],
  'agency:dinkes-lahat': ['Desi Ratnasari', '+62 852 7328 4419'],
  'agency:kemenag-pagar-alam': ['Muhammad Ridwan', '+62 821 7329 4420'],
  'agency:kemenag-lahat': ['Aisyah Rahmawati', '+62 812 7330 4421'],
  'agency:kemenag-empat-lawang': ['Fadli Akbar', '+62 813 7331 4422'],
  'agency:dispar-pagar-alam': ['Citra Ayu Lestari', '+62 852 7332 4423'],
  'agency:dispar-lahat': ['Gilang Ramadhan', '+62 821 7333 4424'],
  'agency:satpolpp-pagar-alam': ['Sutrisno', '+62 812 7334 4425'],
  'agency:satpolpp-lahat': ['Hendri Kurniawan', '+62 813 7335 4426'],
  'agency:bnn-pagar-alam': ['Meliana Sari', '+62 852 7336 4427'],
  'agency:bnn-lahat': ['Yoga Pratama', '+62 821 7337 4428'],
  'agency:camat-dempo-utara': ['Samsul Bahri', '+62 812 7338 4429'],
  'agency:camat-lahat': ['Nita Purnamasari', '+62 813 7339 4430'],
  'agency:camat-tebing-tinggi': ['Ilham Maulana', '+62 852 7340 4431'],
};

function member(agency: string, role: TeamMemberRole): DemoMember {
  const [liaisonName, liaisonPhone] = liaisons[agency] ?? ['Narahubung Demo', '+62 812 0000 0000'];
  return { agency, role, liaisonName, liaisonPhone, mailbox: agency.replace(/^agency:/, '') };
}

export const demoTeams = (): DemoTeam[] => [
  {
    key: 'team:provinsi-sumsel',
    name: 'TIM PORA Provinsi Sumatera Selatan',
    level: 'provinsi',
    regionCode: '16',
    decreeNumber: 'W6-GR.01.01-0045',
    decreeDate: '2026-01-08',
    chairName: 'Hendra Wijaya',
    chairTitle: 'Kepala Kantor Wilayah Direktorat Jenderal Imigrasi Sumatera Selatan',
    secretariatOfficeId: 'office:kanwil-sumsel',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    members: [
      member('agency:kanwil-sumsel', 'ketua'),
      member('agency:kesbangpol-sumsel', 'wakil_ketua'),
      member('agency:kanim-muara-enim', 'anggota'),
      member('agency:polda-sumsel', 'anggota'),
      member('agency:kodam-sriwijaya', 'anggota'),
      member('agency:kejati-sumsel', 'anggota'),
      member('agency:binda-sumsel', 'anggota'),
      member('agency:disnakertrans-sumsel', 'anggota'),
    ],
  },
  {
    key: 'team:kabkota-muara-enim',
    name: 'TIM PORA Kota Pagar Alam, Kabupaten Lahat dan Kabupaten Empat Lawang',
    level: 'kabupaten_kota',
    regionCode: LAHAT,
    decreeNumber: 'W6.IMI.IMI.5-GR.01.01-0127',
    decreeDate: '2026-01-15',
    chairName: 'Agus Setiadi',
    chairTitle: 'Kepala Kantor Imigrasi Kelas II Non TPI Muara Enim',
    secretariatOfficeId: 'office:kanim-muara-enim',
    periodStart: '2026-01-15',
    periodEnd: '2026-12-31',
    members: [
      member('agency:kanim-muara-enim', 'ketua'),
      ...kabKotaMemberAgencies.map(({ key }) =>
        // The city's Kesbangpol coordinates the local governments' side of the secretariat.
        member(key, key === 'agency:kesbangpol-pagar-alam' ? 'sekretaris' : 'anggota'),
      ),
    ],
  },
];

export const orgsDemoPart: DemoPart = {
  name: 'orgs',
  async load({ tx, demoId, audit }) {
    for (const { key, ...office } of demoOffices()) {
      const id = demoId(key);
      await tx.insert(offices).values({ ...office, id });
      await audit({ action: 'office.create', objectType: 'office', objectId: id, details: { name: office.name } });
    }
    for (const { key, officeId, ...agency } of demoAgencies()) {
      const id = demoId(key);
      const mailbox = key.replace(/^agency:/, '');
      await tx.insert(agencies).values({
        ...agency,
        id,
        officeId: officeId ? demoId(officeId) : null,
        email: `${mailbox}@${DEMO_MAIL_DOMAIN}`,
        phone: liaisons[key]?.[1] ?? null,
      });
      await audit({ action: 'agency.create', objectType: 'agency', objectId: id, details: { name: agency.name } });
    }
    for (const { key, members, secretariatOfficeId, ...team } of demoTeams()) {
      const teamId = demoId(key);
      await tx
        .insert(teams)
        .values({ ...team, id: teamId, secretariatOfficeId: secretariatOfficeId ? demoId(secretariatOfficeId) : null });
      await audit({ action: 'team.create', objectType: 'team', objectId: teamId, details: { name: team.name } });
      for (const m of members) {
        const id = demoId(`${key}/${m.agency}`);
        await tx.insert(teamMembers).values({
          id,
          teamId,
          agencyId: demoId(m.agency),
          role: m.role,
          liaisonName: m.liaisonName,
          liaisonPhone: m.liaisonPhone,
          liaisonEmail: `narahubung.${m.mailbox}@${DEMO_MAIL_DOMAIN}`,
        });
        await audit({
          action: 'team.member_add',
          objectType: 'team',
          objectId: teamId,
          details: { memberId: id, agencyId: demoId(m.agency), role: m.role },
        });
      }
    }
  },
};
