// Classes of immigration offices (Kantor Imigrasi) and the regional and central offices above them. "TPI" offices
// run an immigration checkpoint (Tempat Pemeriksaan Imigrasi). Bump the version whenever a code or label changes.
import type { CodeTable } from '../../../../contracts/code-tables';

export const officeClasses = {
  name: 'office-classes',
  version: '2026.1',
  items: [
    {
      code: 'DITJEN',
      tpi: false,
      label: { id: 'Direktorat Jenderal Imigrasi', en: 'Directorate General of Immigration' },
    },
    {
      code: 'KANWIL',
      tpi: false,
      label: { id: 'Kantor Wilayah Ditjen Imigrasi', en: 'Regional Office of the Directorate General of Immigration' },
    },
    { code: 'I_KHUSUS_TPI', tpi: true, label: { id: 'Kelas I Khusus TPI', en: 'Special Class I (checkpoint)' } },
    { code: 'I_KHUSUS_NON_TPI', tpi: false, label: { id: 'Kelas I Khusus Non TPI', en: 'Special Class I' } },
    { code: 'I_TPI', tpi: true, label: { id: 'Kelas I TPI', en: 'Class I (checkpoint)' } },
    { code: 'I_NON_TPI', tpi: false, label: { id: 'Kelas I Non TPI', en: 'Class I' } },
    { code: 'II_TPI', tpi: true, label: { id: 'Kelas II TPI', en: 'Class II (checkpoint)' } },
    { code: 'II_NON_TPI', tpi: false, label: { id: 'Kelas II Non TPI', en: 'Class II' } },
    { code: 'III_TPI', tpi: true, label: { id: 'Kelas III TPI', en: 'Class III (checkpoint)' } },
    { code: 'III_NON_TPI', tpi: false, label: { id: 'Kelas III Non TPI', en: 'Class III' } },
  ],
} satisfies CodeTable;
