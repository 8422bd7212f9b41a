// Puts the API's answer to a form where the person looks: a field's problem under that field, the rest above the form.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-client';
import { errorMessage } from './error-message';
import { serverValidationMessage } from './zod-messages';

/**
 * Shows field errors from a VALIDATION_FAILED problem (paths like "body.name") and domain errors that belong to one
 * field (e.g. EMAIL_TAKEN → email). Returns true when every problem landed on a field.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  codeToField: Partial<Record<string, Path<T>>> = {},
): boolean {
  if (!(error instanceof ApiError)) {
    return false;
  }
  const known = new Set<string>(fields);
  const field = codeToField[error.code];
  if (field) {
    setError(field, { type: 'server', message: errorMessage(error) });
    return true;
  }
  if (error.code !== 'VALIDATION_FAILED' || error.errors.length === 0) {
    return false;
  }
  let allPlaced = true;
  for (const problem of error.errors) {
    const path = problem.path.replace(/^body\./, '');
    const name = known.has(path) ? path : path.split('.')[0];
    if (name && known.has(name)) {
      setError(name as Path<T>, { type: 'server', message: serverValidationMessage(problem.code) });
    } else {
      allPlaced = false;
    }
  }
  return allPlaced;
}
