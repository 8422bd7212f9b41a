// Kinds of travel document a guest or a register entry may carry: the document codes PORA stores (the first letter of
// the MRZ's document code decides: P passport, I/A/C identity card, V visa). Bump the version on a change.
import type { CodeTable } from '../../../../contracts/code-tables';

export const travelDocumentTypes = {
  name: 'travel-document-types',
  version: '2026.1',
  items: [
    { code: 'P', label: { id: 'Paspor', en: 'Passport' } },
    { code: 'ID', label: { id: 'Kartu identitas', en: 'Identity card' } },
    { code: 'V', label: { id: 'Visa', en: 'Visa' } },
    { code: 'OTHER', label: { id: 'Dokumen perjalanan lain', en: 'Other travel document' } },
  ],
} satisfies CodeTable;
