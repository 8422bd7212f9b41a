// Kinds of accommodation that report foreign guests. Bump the version whenever a code or label changes.
import type { CodeTable } from '../../../../contracts/code-tables';

export const accommodationKinds = {
  name: 'accommodation-kinds',
  version: '2026.1',
  items: [
    { code: 'hotel', label: { id: 'Hotel', en: 'Hotel' } },
    { code: 'homestay', label: { id: 'Homestay', en: 'Homestay' } },
    { code: 'villa', label: { id: 'Vila', en: 'Villa' } },
    { code: 'guest_house', label: { id: 'Wisma / guest house', en: 'Guest house' } },
    { code: 'kos', label: { id: 'Rumah kos', en: 'Boarding house (kos)' } },
    { code: 'apartment', label: { id: 'Apartemen', en: 'Apartment' } },
    { code: 'company_mess', label: { id: 'Mes perusahaan', en: 'Company mess' } },
    { code: 'other', label: { id: 'Lainnya', en: 'Other' } },
  ],
} satisfies CodeTable;
