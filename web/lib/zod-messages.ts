// Validation messages in the person's language: the contracts' zod schemas run in the browser with this error map,
// so a form says "Wajib diisi" instead of zod's English.
import { type core, z } from 'zod';
import { i18n } from './i18n';

type Issue = core.$ZodRawIssue;

export function validationMessage(issue: Issue): string {
  const t = i18n.t.bind(i18n);
  if (issue.input === '' && issue.code !== 'custom') {
    return t('common:validation.required');
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? t('common:validation.required')
        : t('common:validation.invalid');
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('common:validation.required')
          : t('common:validation.tooShort', { minimum: Number(issue.minimum) });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return t('common:validation.chooseAtLeast', { minimum: Number(issue.minimum) });
      }
      return t('common:validation.tooSmall', { minimum: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') {
        return t('common:validation.tooLong', { maximum: Number(issue.maximum) });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return t('common:validation.chooseAtMost', { maximum: Number(issue.maximum) });
      }
      return t('common:validation.tooBig', { maximum: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') {
        return t('common:validation.email');
      }
      if (issue.format === 'date') {
        return t('common:validation.date');
      }
      return t('common:validation.format');
    case 'invalid_value':
      return t('common:validation.choose');
    default:
      return t('common:validation.invalid');
  }
}

/** Translates a server-side validation problem (its zod issue code) for one field. */
export function serverValidationMessage(code: string): string {
  const t = i18n.t.bind(i18n);
  switch (code) {
    case 'too_small':
      return t('common:validation.required');
    case 'too_big':
      return t('common:validation.tooLongShort');
    case 'invalid_format':
      return t('common:validation.format');
    case 'invalid_value':
      return t('common:validation.choose');
    default:
      return t('common:validation.invalid');
  }
}

z.config({ customError: validationMessage });
