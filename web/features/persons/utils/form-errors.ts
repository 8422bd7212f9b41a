// Puts the register API's answers on the field they concern: validation problems, domain errors that name their
// field (details.field, e.g. "permit.visaIndex" for an unknown visa index) and every disagreement with the MRZ.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { applyServerErrors } from '../../../lib/forms';
import { i18n } from '../../../lib/i18n';

type Mismatch = { field: string; given: string | null; mrz: string | null };

function isMismatch(value: unknown): value is Mismatch {
  return typeof value === 'object' && value !== null && typeof (value as Mismatch).field === 'string';
}

/**
 * Returns true when every problem landed on a field. `prefix` is put before a field name the API gives without one
 * (the add-permit endpoint says "visaIndex" where the form's field is "permit.visaIndex"); `aliases` renames the
 * rest (the MRZ check calls the name "name", the form has "surname").
 */
export function placeServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  options: { prefix?: string; aliases?: Partial<Record<string, Path<T>>> } = {},
): boolean {
  if (!(error instanceof ApiError)) {
    return false;
  }
  const known = new Set<string>(fields);
  const fieldOf = (name: string): Path<T> | null => {
    const alias = options.aliases?.[name];
    if (alias) {
      return alias;
    }
    if (known.has(name)) {
      return name as Path<T>;
    }
    const prefixed = `${options.prefix ?? ''}${name.replace(/^body\./, '')}`;
    return known.has(prefixed) ? (prefixed as Path<T>) : null;
  };

  if (error.code === 'MRZ_MISMATCH' && Array.isArray(error.details.mismatches)) {
    let allPlaced = true;
    for (const mismatch of error.details.mismatches.filter(isMismatch)) {
      const field = fieldOf(mismatch.field);
      if (field) {
        setError(field, {
          type: 'server',
          message: i18n.t('persons:mrz.mismatch', { value: mismatch.mrz ?? '—' }),
        });
      } else {
        allPlaced = false;
      }
    }
    return allPlaced;
  }
  if (typeof error.details.field === 'string') {
    const field = fieldOf(error.details.field);
    if (field) {
      // An unknown country or visa index names the code, which says more than "a referenced record".
      const code = error.details.code;
      const message =
        error.code === 'INVALID_REFERENCE' && typeof code === 'string'
          ? i18n.t('persons:form.unknownCode', { code })
          : errorMessage(error);
      setError(field, { type: 'server', message });
      return true;
    }
  }
  if (error.code === 'VALIDATION_FAILED' && options.prefix) {
    const renamed = new ApiError(
      error.status,
      error.code,
      error.message,
      error.errors.map((problem) => {
        const path = problem.path.replace(/^body\./, '');
        return { ...problem, path: known.has(path) ? path : `${options.prefix}${path}` };
      }),
    );
    return applyServerErrors(renamed, setError, fields);
  }
  return applyServerErrors(error, setError, fields);
}
