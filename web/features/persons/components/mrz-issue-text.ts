// An MRZ issue in the person's language, built from its code and details (the API's message is English, for logs).
import { useTranslation } from 'react-i18next';
import type { MrzIssue } from '../../../../contracts/mrz';

export function useMrzIssueText() {
  const { t } = useTranslation('persons');
  return (issue: MrzIssue, lines: readonly string[]): string => {
    const field = issue.field ? t(`mrz.field.${issue.field}`) : t('mrz.title');
    const found = issue.found ?? '';
    switch (issue.code) {
      case 'MRZ_NORMALISED':
        return t('mrz.issues.MRZ_NORMALISED');
      case 'MRZ_CHARSET':
        return issue.line
          ? t('mrz.issues.MRZ_CHARSET', { found })
          : t('mrz.issues.MRZ_CHARSET_more', { count: Number(found) || 0 });
      case 'MRZ_UNKNOWN_FORMAT':
        return t('mrz.issues.MRZ_UNKNOWN_FORMAT', {
          count: lines.length,
          lengths: lines.map((line) => line.length).join(', '),
        });
      case 'MRZ_LINE_COUNT':
        return found === '0'
          ? t('mrz.issues.MRZ_LINE_COUNT_empty')
          : t('mrz.issues.MRZ_LINE_COUNT', { expected: issue.expected ?? '', found });
      case 'MRZ_LENGTH':
        return t('mrz.issues.MRZ_LENGTH', { line: issue.line ?? 0, expected: issue.expected ?? '', found });
      case 'MRZ_CHECK_DIGIT':
        return issue.expected === undefined
          ? t('mrz.issues.MRZ_CHECK_DIGIT_uncomputable', { field })
          : t('mrz.issues.MRZ_CHECK_DIGIT', { field, found, expected: issue.expected });
      case 'MRZ_INVALID_DATE':
        return t('mrz.issues.MRZ_INVALID_DATE', { field, found });
      case 'MRZ_PARTIAL_DATE':
        return t('mrz.issues.MRZ_PARTIAL_DATE', { found });
      case 'MRZ_OCR_SUSPECT':
        return t('mrz.issues.MRZ_OCR_SUSPECT', {
          field,
          found,
          kind: issue.expected === 'letter' ? t('mrz.kind.letter') : t('mrz.kind.digit'),
          replacement: issue.suggestion?.replacement ?? '',
        });
      case 'MRZ_INVALID_FIELD':
        return found
          ? t('mrz.issues.MRZ_INVALID_FIELD', { field, found })
          : t('mrz.issues.MRZ_INVALID_FIELD_empty', { field });
      case 'MRZ_UNKNOWN_COUNTRY':
        return t('mrz.issues.MRZ_UNKNOWN_COUNTRY', { field, found });
      case 'MRZ_NAME_TRUNCATED':
        return t('mrz.issues.MRZ_NAME_TRUNCATED');
    }
  };
}
