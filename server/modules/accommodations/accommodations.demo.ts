// Demo accommodations: twenty properties in Kota Pagar Alam, Lahat, Empat Lawang and Muara Enim — most verified, two
// waiting for the office, one suspended — and the demo hotel operator bound to Hotel Dempo Asri.
import type { AccommodationKind, AccommodationStatus } from '../../../contracts/accommodations';
import type { Tx } from '../../db/client';
import { generateOneTimePassword, hashPassword } from '../../platform/auth/passwords';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { findUserByEmail } from '../users/users.service';
import * as repo from './accommodations.repo';
import { nameKeyOf } from './accommodations.service';

type DemoAccommodation = {
  key: string;
  name: string;
  kind: AccommodationKind;
  address: string;
  villageCode: string;
  pin: [number, number];
  picName: string;
  status?: AccommodationStatus;
  statusReason?: string;
};

// biome-ignore format: one property a line
export const demoAccommodations: DemoAccommodation[] = [
  { key: 'dempo-asri', name: 'Hotel Dempo Asri', kind: 'hotel', address: 'Jl. Mayor Ruslan No. 18', villageCode: '16.72.01.1005', pin: [-4.0197, 103.2531], picName: 'Dewi Lestari' },
  { key: 'villa-gunung-dempo', name: 'Villa Gunung Dempo Indah', kind: 'villa', address: 'Jl. Raya Gunung Dempo Km 8', villageCode: '16.72.02.1005', pin: [-4.0521, 103.2012], picName: 'Agus Salim' },
  { key: 'kebun-teh-gare', name: 'Homestay Kebun Teh Gunung Gare', kind: 'homestay', address: 'Dusun Gunung Gare, Kampung 4', villageCode: '16.72.02.1018', pin: [-4.0612, 103.2215], picName: 'Nurhayati' },
  { key: 'wisma-besemah', name: 'Wisma Besemah', kind: 'guest_house', address: 'Jl. Serma Wanar No. 5', villageCode: '16.72.02.1022', pin: [-4.0339, 103.2456], picName: 'Rahmat Hidayat' },
  { key: 'kos-alun-dua', name: 'Kos Putri Alun Dua', kind: 'kos', address: 'Jl. Lettu Hamid Gg. Melati No. 3', villageCode: '16.72.01.1007', pin: [-4.0128, 103.2604], picName: 'Yuliana' },
  { key: 'tugu-rimau', name: 'Homestay Tugu Rimau', kind: 'homestay', address: 'Jl. Tugu Rimau No. 2, Talang Kerinjing', villageCode: '16.72.03.1019', pin: [-4.0050, 103.2122], picName: 'Hendri Kusuma', status: 'pending' },
  { key: 'bukit-serelo', name: 'Hotel Bukit Serelo', kind: 'hotel', address: 'Jl. Mayor Ruslan No. 102', villageCode: '16.04.10.1031', pin: [-3.7862, 103.5421], picName: 'Ahmad Fauzi' },
  { key: 'sumber-rezeki', name: 'Hotel Sumber Rezeki Lahat', kind: 'hotel', address: 'Jl. Kolonel Barlian No. 21', villageCode: '16.04.10.1038', pin: [-3.7907, 103.5368], picName: 'Lina Marlina' },
  { key: 'wisma-lematang', name: 'Wisma Lematang', kind: 'guest_house', address: 'Jl. Lematang No. 9', villageCode: '16.04.10.1040', pin: [-3.7955, 103.5302], picName: 'Suparman' },
  { key: 'mes-merapi', name: 'Mes Karyawan PT Merapi Tambang Lestari', kind: 'company_mess', address: 'Jl. Lintas Sumatera Km 15', villageCode: '16.04.10.1046', pin: [-3.7721, 103.5587], picName: 'Bambang Setiawan' },
  { key: 'kota-jaya-residence', name: 'Apartemen Kota Jaya Residence', kind: 'apartment', address: 'Jl. Kota Jaya No. 1', villageCode: '16.04.10.1052', pin: [-3.7988, 103.5450], picName: 'Fitri Handayani', status: 'suspended', statusReason: 'Izin usaha sedang diperiksa ulang oleh DPMPTSP' },
  { key: 'air-terjun-bidadari', name: 'Homestay Air Terjun Bidadari', kind: 'homestay', address: 'Desa Tebat Langsat, Dusun II', villageCode: '16.04.07.2002', pin: [-4.1010, 103.3720], picName: 'Sarifuddin' },
  { key: 'tebing-tinggi-permai', name: 'Hotel Tebing Tinggi Permai', kind: 'hotel', address: 'Jl. Poros Pasar Tebing Tinggi No. 7', villageCode: '16.11.04.1017', pin: [-3.6262, 102.9971], picName: 'Mulyadi' },
  { key: 'musi-jaya', name: 'Penginapan Musi Jaya', kind: 'guest_house', address: 'Jl. Lintas Tebing Tinggi–Lubuk Linggau', villageCode: '16.11.04.1010', pin: [-3.6188, 102.9902], picName: 'Rosmawati' },
  { key: 'mes-sawit-pendopo', name: 'Mes Perkebunan Sawit Pendopo', kind: 'company_mess', address: 'Afdeling 3, Desa Lubuk Sepang', villageCode: '16.11.02.2003', pin: [-3.5210, 103.0922], picName: 'Joko Prasetyo' },
  { key: 'puncak-jaya-loka', name: 'Homestay Puncak Jaya Loka', kind: 'homestay', address: 'Jl. Jaya Loka No. 4', villageCode: '16.11.04.1033', pin: [-3.6321, 103.0110], picName: 'Eka Putri', status: 'pending' },
  { key: 'enim-raya', name: 'Hotel Enim Raya', kind: 'hotel', address: 'Jl. Jenderal Sudirman No. 55', villageCode: '16.03.02.1009', pin: [-3.6604, 103.7712], picName: 'Taufik Hidayat' },
  { key: 'lawang-kidul-inn', name: 'Lawang Kidul Inn', kind: 'hotel', address: 'Jl. Bakti Sosial No. 3', villageCode: '16.03.02.1010', pin: [-3.6551, 103.7788], picName: 'Melati Sari' },
  { key: 'mes-muara-lawai', name: 'Mes Karyawan PLTU Muara Lawai', kind: 'company_mess', address: 'Kompleks PLTU, Desa Muara Lawai', villageCode: '16.03.02.2003', pin: [-3.6902, 103.7301], picName: 'Irwan Syahputra' },
  { key: 'kos-air-lintang', name: 'Kos Eksekutif Air Lintang', kind: 'kos', address: 'Jl. Air Lintang Gg. Mawar No. 11', villageCode: '16.03.02.1016', pin: [-3.6468, 103.7650], picName: 'Sri Rahayu' },
];

/** The demo operator (demo.users.ts) runs this property. */
export const DEMO_OPERATOR_PROPERTY = 'dempo-asri';

const slug = (key: string) => key.replace(/[^a-z0-9]+/g, '');

export async function seedAccommodationsDemo(
  tx: Tx,
  ctx: Ctx,
  opts: { demoId: (key: string) => string; mailDomain: string; operatorEmail: string },
) {
  const now = ctx.now();
  // Nobody knows the password of a pending demo registration: verifying one shows the flow, not a usable account.
  const pendingHash = await hashPassword(generateOneTimePassword());
  for (const [i, a] of demoAccommodations.entries()) {
    const status = a.status ?? 'verified';
    const registeredAt = new Date(now.getTime() - (200 - i * 7) * 86_400_000);
    await repo.insertAccommodation(tx, {
      id: opts.demoId(`accommodation:${a.key}`),
      name: a.name,
      nameKey: nameKeyOf(a.name),
      kind: a.kind,
      nib: `9120${String(3104 + i * 7919).padStart(9, '0')}`,
      address: a.address,
      villageCode: a.villageCode,
      latitude: a.pin[0],
      longitude: a.pin[1],
      phone: `0${a.villageCode.startsWith('16.72') ? '730' : a.villageCode.startsWith('16.03') ? '734' : '731'} ${String(620_000 + i * 137).slice(0, 6)}`,
      email: `info.${slug(a.key)}@${opts.mailDomain}`,
      picName: a.picName,
      picPhone: `+62 812 ${String(7300 + i * 13)} ${String(1000 + i * 37)}`,
      status,
      statusReason: a.statusReason ?? null,
      statusChangedAt: status === 'pending' ? registeredAt : new Date(registeredAt.getTime() + 2 * 86_400_000),
      verifiedAt: status === 'pending' ? null : new Date(registeredAt.getTime() + 2 * 86_400_000),
      applicantEmail: `pemilik.${slug(a.key)}@${opts.mailDomain}`,
      applicantPasswordHash: status === 'pending' ? pendingHash : null,
      createdAt: registeredAt,
      updatedAt: registeredAt,
    });
  }
  let operatorId: string | null = null;
  try {
    operatorId = (await findUserByEmail(ctx, opts.operatorEmail)).id;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'USER_NOT_FOUND')) {
      throw error;
    }
  }
  if (operatorId) {
    await repo.linkOperator(tx, opts.demoId(`accommodation:${DEMO_OPERATOR_PROPERTY}`), operatorId, now);
  }
  return { count: demoAccommodations.length, operatorLinked: operatorId !== null };
}
