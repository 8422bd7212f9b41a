// The field a rejected upload row's or check-in's error is about, as the operator reads it: "guest.mrz" → "MRZ
// paspor", "expectedCheckOut" → "Rencana check-out", "body.guests.0.documentNumber" → "Tamu 1 · Nomor paspor". A field
// without a label here is shown as the API names it.
const labelKeys = {
  arrivedAt: 'form.arrivedAt',
  expectedCheckOut: 'form.expectedCheckOut',
  room: 'form.room',
  visitPurpose: 'form.visitPurpose',
  'guest.mrz': 'guest.mrz',
  'guest.surname': 'guest.surname',
  'guest.givenNames': 'guest.givenNames',
  'guest.nationality': 'guest.nationality',
  'guest.sex': 'guest.sex',
  'guest.birthDate': 'guest.birthDate',
  'guest.documentNumber': 'guest.documentNumber',
  'guest.documentIssuingState': 'guest.documentIssuingState',
  'guest.documentExpiryDate': 'guest.documentExpiryDate',
} as const;

export type RowFieldLabelKey = (typeof labelKeys)[keyof typeof labelKeys];

export function rowFieldLabel(field: string, label: (key: RowFieldLabelKey) => string): string {
  const key = (labelKeys as Record<string, RowFieldLabelKey | undefined>)[field];
  return key ? label(key) : field;
}

/** A field of a check-in request ("body.guests.0.documentNumber"): its guest's title and the field's label. */
export function requestFieldLabel(
  path: string,
  label: (key: RowFieldLabelKey) => string,
  guestTitle: (n: number) => string,
): string {
  const field = path.replace(/^body\./, '');
  const guest = /^guests\.(\d+)\.(.+)$/.exec(field);
  return guest
    ? `${guestTitle(Number(guest[1]) + 1)} · ${rowFieldLabel(`guest.${guest[2]}`, label)}`
    : rowFieldLabel(field, label);
}
