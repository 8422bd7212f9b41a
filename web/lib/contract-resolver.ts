// Validates a form with the API's own zod schema and words every problem in the person's language. zodResolver
// would keep the contracts' fixed (Indonesian) messages, so the message is rebuilt from the issue's code here.
import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { core, z } from 'zod';
import { i18n } from './i18n';
import { validationMessage } from './zod-messages';

/** Messages the contracts give to their own refinements, by their (Indonesian) text. */
type ContractMessage =
  | 'periodOrder'
  | 'duplicateRoles'
  | 'controlCharacters'
  | 'timeRangeOrder'
  | 'noMarkup'
  | 'dateNotExist'
  | 'yearTooEarly'
  | 'dateInFuture'
  | 'nameRequired'
  | 'documentNumberOrMrz'
  | 'coordinatesTogether'
  | 'sourceAgencyRequired'
  | 'sponsorEitherOr';
const contractMessages: Record<string, ContractMessage> = {
  'periode berakhir sebelum dimulai': 'periodOrder',
  'peran ganda': 'duplicateRoles',
  'karakter kontrol tidak diizinkan': 'controlCharacters',
  'rentang waktu terbalik': 'timeRangeOrder',
  'tanda < dan > tidak diizinkan': 'noMarkup',
  'tanggal tidak ada': 'dateNotExist',
  'tahun terlalu lampau': 'yearTooEarly',
  'tanggal di masa depan': 'dateInFuture',
  'isi nama keluarga atau nama depan': 'nameRequired',
  'isi nomor dan negara penerbit, atau MRZ': 'documentNumberOrMrz',
  'isi lintang dan bujur bersama-sama': 'coordinatesTogether',
  'sumber instansi memerlukan agencyId': 'sourceAgencyRequired',
  'pilih penjamin yang ada atau buat yang baru, tidak keduanya': 'sponsorEitherOr',
};

function messageFor(issue: core.$ZodIssue, overrides: Record<string, string>): string {
  const override = overrides[issue.path.join('.')];
  if (override) {
    return override;
  }
  if (issue.code === 'custom') {
    const known = contractMessages[issue.message];
    return known ? i18n.t(`common:validation.${known}`) : issue.message;
  }
  return validationMessage(issue as core.$ZodRawIssue);
}

export function contractResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  /** a message for every problem of one field, e.g. { totp: 'Kode terdiri dari 6 angka.' } */
  overrides: Record<string, string> = {},
): Resolver<Input, unknown, Output> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values, { reportInput: true });
    if (result.success) {
      if (options.shouldUseNativeValidation) {
        validateFieldsNatively({}, options);
      }
      return { values: result.data, errors: {} };
    }
    const flat: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      flat[path] ??= { type: issue.code, message: messageFor(issue, overrides) };
    }
    return { values: {}, errors: toNestErrors<Input>(flat, options) };
  };
}
