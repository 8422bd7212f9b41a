// Which column holds what: headers as offices write them, in Bahasa Indonesia or English ("Nama Lengkap",
// "No. Paspor", "Berlaku s.d.", "Passport No", "Date of birth"…), matched without case, accents or punctuation, and the
// header row found among the first rows of a sheet (titles and blank lines above it are common).
import type { ImportField } from '../../../contracts/register-import';
import { foldText } from './import-cells';

/** Header words of each field, folded (lower case, punctuation as spaces). */
export const headerSynonyms: Record<ImportField, readonly string[]> = {
  fullName: [
    'nama lengkap',
    'nama',
    'full name',
    'name',
    'nama wna',
    'nama orang asing',
    'nama sesuai paspor',
    'nama lengkap sesuai paspor',
    'name as in passport',
  ],
  surname: ['nama keluarga', 'surname', 'family name', 'last name', 'marga'],
  givenNames: ['nama depan', 'given name', 'given names', 'first name', 'nama kecil'],
  sex: ['jenis kelamin', 'jk', 'l p', 'kelamin', 'sex', 'gender'],
  birthDate: [
    'tgl lahir',
    'tanggal lahir',
    'tgl lhr',
    'date of birth',
    'birth date',
    'birthdate',
    'dob',
    'tgl kelahiran',
  ],
  birthPlace: ['tempat lahir', 'tmp lahir', 'place of birth', 'birth place', 'birthplace'],
  nationality: [
    'kewarganegaraan',
    'warga negara',
    'wn',
    'kebangsaan',
    'negara asal',
    'nationality',
    'citizenship',
    'kode negara',
  ],
  documentNumber: [
    'no paspor',
    'nomor paspor',
    'no passport',
    'no pasport',
    'paspor',
    'passport',
    'passport no',
    'passport number',
    'no dokumen',
    'nomor dokumen',
    'no dokumen perjalanan',
    'document number',
    'document no',
    'travel document number',
  ],
  documentType: ['jenis dokumen', 'jenis dokumen perjalanan', 'document type', 'type of document'],
  issuingState: [
    'negara penerbit',
    'negara penerbit paspor',
    'penerbit paspor',
    'issuing state',
    'issuing country',
    'country of issue',
  ],
  documentIssueDate: [
    'tgl terbit paspor',
    'tanggal terbit paspor',
    'tgl dikeluarkan paspor',
    'paspor diterbitkan',
    'passport issue date',
    'date of issue',
    'issue date',
  ],
  documentExpiryDate: [
    'masa berlaku paspor',
    'berlaku paspor',
    'paspor berlaku s d',
    'paspor berlaku sd',
    'paspor berlaku sampai',
    'tgl habis paspor',
    'tanggal habis berlaku paspor',
    'passport expiry',
    'passport expiry date',
    'passport valid until',
    'date of expiry',
    'expiry date',
  ],
  permitType: [
    'jenis izin tinggal',
    'jenis ijin tinggal',
    'izin tinggal',
    'ijin tinggal',
    'jenis izin',
    'jenis itas',
    'permit type',
    'stay permit',
    'stay permit type',
    'type of stay permit',
  ],
  permitNumber: [
    'no itas',
    'no kitas',
    'no itas kitas',
    'no itas itap',
    'no kitas kitap',
    'nomor itas',
    'nomor kitas',
    'nomor itas kitas',
    'no itap',
    'no kitap',
    'no izin tinggal',
    'nomor izin tinggal',
    'no ijin tinggal',
    'permit number',
    'permit no',
    'stay permit number',
  ],
  visaIndex: ['indeks visa', 'index visa', 'visa index', 'kode visa', 'indeks'],
  permitValidFrom: ['berlaku dari', 'berlaku mulai', 'tgl mulai berlaku', 'mulai berlaku', 'valid from', 'tmt'],
  permitValidUntil: [
    'berlaku s d',
    'berlaku sd',
    'berlaku sampai',
    'berlaku hingga',
    'masa berlaku',
    'masa berlaku izin tinggal',
    'izin tinggal berlaku s d',
    'itas berlaku s d',
    'tgl berakhir',
    'tanggal berakhir',
    'valid until',
    'permit expiry',
    'permit valid until',
  ],
  entryDate: ['tgl masuk', 'tanggal masuk', 'tgl kedatangan', 'tanggal kedatangan', 'date of entry', 'entry date'],
  entryPort: ['tpi masuk', 'tempat masuk', 'pelabuhan masuk', 'tpi', 'port of entry', 'entry port'],
  addressText: ['alamat', 'alamat tinggal', 'alamat di indonesia', 'domisili', 'alamat domisili', 'address'],
  region: [
    'kode desa',
    'kode wilayah',
    'kode kelurahan',
    'kode desa kelurahan',
    'kelurahan',
    'desa',
    'desa kelurahan',
    'kelurahan desa',
    'village',
    'village code',
    'region code',
    'area code',
  ],
  sponsorName: [
    'penjamin',
    'nama penjamin',
    'sponsor',
    'nama sponsor',
    'perusahaan penjamin',
    'penjamin sponsor',
    'sponsor penjamin',
    'guarantor',
  ],
  workplace: ['tempat kerja', 'tempat bekerja', 'perusahaan', 'pekerjaan', 'workplace', 'employer', 'company'],
  notes: ['keterangan', 'catatan', 'ket', 'notes', 'remarks', 'remark'],
};

/** A synonym this short matches only a whole header ("nama" must not claim "Nama Penjamin"). */
const MIN_CONTAINED = 5;

/** How well a header names a field: 3 for an exact synonym, 1 + a little per character when it contains one. */
export function headerScore(header: string, field: ImportField): number {
  const h = foldText(header);
  if (h === '') {
    return 0;
  }
  let best = 0;
  for (const synonym of headerSynonyms[field]) {
    if (h === synonym) {
      return 3;
    }
    if (synonym.length >= MIN_CONTAINED && ` ${h} `.includes(` ${synonym} `)) {
      best = Math.max(best, 1 + synonym.length / 100);
    }
  }
  return best;
}

/** The field of each header, best matches first; each field to one column at most. */
export function detectMapping(headers: readonly string[]): (ImportField | null)[] {
  const pairs: { column: number; field: ImportField; score: number }[] = [];
  headers.forEach((header, column) => {
    for (const field of Object.keys(headerSynonyms) as ImportField[]) {
      const score = headerScore(header, field);
      if (score > 0) {
        pairs.push({ column, field, score });
      }
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: (ImportField | null)[] = headers.map(() => null);
  const used = new Set<ImportField>();
  for (const p of pairs) {
    if (mapping[p.column] === null && !used.has(p.field)) {
      mapping[p.column] = p.field;
      used.add(p.field);
    }
  }
  return mapping;
}

const nameFields: readonly ImportField[] = ['fullName', 'surname', 'givenNames'];

/** How many fields a row's cells name; a header row needs two or more, one of them a name. */
export function headerRowScore(cells: readonly string[]): number {
  const mapping = detectMapping(cells);
  const fields = mapping.filter((f): f is ImportField => f !== null);
  return fields.length >= 2 && fields.some((f) => nameFields.includes(f)) ? fields.length : 0;
}

/** Fields without which a row cannot be imported (a person is found again by document number and state). */
export function missingRequiredFields(mapping: readonly (ImportField | null)[]): ImportField[] {
  const has = (f: ImportField) => mapping.includes(f);
  const missing: ImportField[] = [];
  if (!nameFields.some(has)) {
    missing.push('fullName');
  }
  for (const f of ['nationality', 'documentNumber'] as const) {
    if (!has(f)) {
      missing.push(f);
    }
  }
  return missing;
}

/** Headers the export writes (and the import reads back). */
export const exportHeaders: Partial<Record<ImportField, string>> = {
  surname: 'Nama Keluarga',
  givenNames: 'Nama Depan',
  fullName: 'Nama Lengkap',
  sex: 'Jenis Kelamin',
  birthDate: 'Tgl Lahir',
  nationality: 'Kewarganegaraan',
  documentNumber: 'No. Paspor',
  issuingState: 'Negara Penerbit',
  documentExpiryDate: 'Paspor Berlaku s.d.',
  permitType: 'Jenis Izin Tinggal',
  permitValidUntil: 'Berlaku s.d.',
  region: 'Kode Wilayah',
  sponsorName: 'Penjamin',
};
