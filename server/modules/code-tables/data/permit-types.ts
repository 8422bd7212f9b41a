// Kinds of stay permit (izin tinggal) under UU 6/2011 on Immigration: visit, limited stay, permanent stay, and the
// diplomatic and service permits of foreign officials. Bump the version whenever a code or label changes.
import type { CodeTable } from '../../../../contracts/code-tables';
import { type PermitType, permitTypeCodes } from '../../../../contracts/persons';

const labels: Record<PermitType, { id: string; en: string; short: string }> = {
  ITK: { id: 'Izin Tinggal Kunjungan', en: 'Visit stay permit', short: 'ITK' },
  ITAS: { id: 'Izin Tinggal Terbatas', en: 'Limited stay permit', short: 'ITAS' },
  ITAP: { id: 'Izin Tinggal Tetap', en: 'Permanent stay permit', short: 'ITAP' },
  DIPLOMATIC: { id: 'Izin Tinggal Diplomatik', en: 'Diplomatic stay permit', short: 'Diplomatik' },
  SERVICE: { id: 'Izin Tinggal Dinas', en: 'Service stay permit', short: 'Dinas' },
};

export const permitTypes = {
  name: 'permit-types',
  version: '2026.1',
  items: permitTypeCodes.map((code) => ({
    code,
    /** what officers write in lists: ITK, ITAS, ITAP, Diplomatik, Dinas */
    shortLabel: labels[code].short,
    label: { id: labels[code].id, en: labels[code].en },
  })),
} satisfies CodeTable;
