// Kinds of member agencies (instansi) of a TIM PORA. Bump the version whenever a code or label changes.
import type { CodeTable } from '../../../../contracts/code-tables';

export const agencyKinds = {
  name: 'agency-kinds',
  version: '2026.1',
  items: [
    { code: 'imigrasi', label: { id: 'Imigrasi', en: 'Immigration' } },
    { code: 'polri', label: { id: 'Kepolisian (Polri)', en: 'National Police (Polri)' } },
    { code: 'tni', label: { id: 'Tentara Nasional Indonesia (TNI)', en: 'Armed Forces (TNI)' } },
    { code: 'kejaksaan', label: { id: 'Kejaksaan', en: 'Public Prosecution Service' } },
    { code: 'bin', label: { id: 'Badan Intelijen Negara (BIN)', en: 'State Intelligence Agency (BIN)' } },
    { code: 'pemda', label: { id: 'Pemerintah Daerah', en: 'Regional Government' } },
    {
      code: 'kesbangpol',
      label: { id: 'Badan Kesatuan Bangsa dan Politik (Kesbangpol)', en: 'National Unity and Politics Agency' },
    },
    { code: 'disnaker', label: { id: 'Dinas Tenaga Kerja', en: 'Manpower Office' } },
    {
      code: 'dukcapil',
      label: { id: 'Dinas Kependudukan dan Pencatatan Sipil (Dukcapil)', en: 'Population and Civil Registry Office' },
    },
    { code: 'dinkes', label: { id: 'Dinas Kesehatan', en: 'Health Office' } },
    { code: 'kemenag', label: { id: 'Kementerian Agama (Kemenag)', en: 'Ministry of Religious Affairs' } },
    { code: 'pariwisata', label: { id: 'Dinas Pariwisata', en: 'Tourism Office' } },
    { code: 'bea_cukai', label: { id: 'Bea dan Cukai', en: 'Customs and Excise' } },
    {
      code: 'satpol_pp',
      label: { id: 'Satuan Polisi Pamong Praja (Satpol PP)', en: 'Public Order Agency (Satpol PP)' },
    },
    { code: 'bnn', label: { id: 'Badan Narkotika Nasional (BNN)', en: 'National Narcotics Board (BNN)' } },
    { code: 'camat', label: { id: 'Kecamatan (Camat)', en: 'District Head (Camat)' } },
    { code: 'other', label: { id: 'Instansi lain', en: 'Other agency' } },
  ],
} satisfies CodeTable;
