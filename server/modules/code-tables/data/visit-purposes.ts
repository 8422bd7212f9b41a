// Purposes of visit a guest report names (the tujuan kunjungan of the guest form). Bump the version whenever a code
// or label changes.
import type { CodeTable } from '../../../../contracts/code-tables';

export const visitPurposes = {
  name: 'visit-purposes',
  version: '2026.1',
  items: [
    { code: 'tourism', label: { id: 'Wisata', en: 'Tourism' } },
    { code: 'business', label: { id: 'Bisnis / urusan dagang', en: 'Business' } },
    { code: 'work', label: { id: 'Bekerja', en: 'Work' } },
    { code: 'family', label: { id: 'Mengunjungi keluarga', en: 'Visiting family' } },
    { code: 'study', label: { id: 'Belajar / penelitian', en: 'Study or research' } },
    { code: 'government', label: { id: 'Tugas pemerintahan', en: 'Government duty' } },
    { code: 'social_religious', label: { id: 'Sosial / keagamaan', en: 'Social or religious' } },
    { code: 'medical', label: { id: 'Berobat', en: 'Medical treatment' } },
    { code: 'transit', label: { id: 'Transit', en: 'Transit' } },
    { code: 'other', label: { id: 'Lainnya', en: 'Other' } },
  ],
} satisfies CodeTable;
