// Levels of TIM PORA (Permenkumham 50/2016): who chairs it and which level of area it covers. Bump the version
// whenever a label changes; the codes themselves are fixed by the contract.
import type { CodeTable } from '../../../../contracts/code-tables';
import type { TeamLevel } from '../../../../contracts/orgs';

/** Kemendagri level of a team's area (1 province, 2 regency/city, 3 district); null: a pusat team covers the country
 * and its area code only records its seat. */
export const teamRegionLevel: Record<TeamLevel, number | null> = {
  pusat: null,
  provinsi: 1,
  kabupaten_kota: 2,
  kecamatan: 3,
};

const labels: Record<TeamLevel, { id: string; en: string; chair: string }> = {
  pusat: { id: 'Pusat', en: 'National', chair: 'Direktur Jenderal Imigrasi' },
  provinsi: { id: 'Provinsi', en: 'Province', chair: 'Kepala Kantor Wilayah' },
  kabupaten_kota: { id: 'Kabupaten/Kota', en: 'Regency/City', chair: 'Kepala Kantor Imigrasi' },
  kecamatan: { id: 'Kecamatan', en: 'District', chair: 'Camat' },
};

export const teamLevels = {
  name: 'team-levels',
  version: '2026.1',
  items: Object.entries(labels).map(([code, { id, en, chair }]) => ({
    code,
    regionLevel: teamRegionLevel[code as TeamLevel],
    /** what the decree usually names as chair: a default for the form */
    defaultChairTitle: chair,
    label: { id, en },
  })),
} satisfies CodeTable;
