// The visa index of a permit from the versioned code table: indexes of the chosen permit type first; the old
// indexes (B211A, C3xx…) stay choosable, marked, because permits issued on them are still on file.
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeTable } from '../../../lib/api/use-code-table';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  onChange: (code: string) => void;
  permitType: string;
  'data-testid'?: string;
};

export function VisaIndexSelect({ value, onChange, permitType, ...props }: Props) {
  const { t, i18n } = useTranslation('persons');
  const { data } = useCodeTable('visa-indexes');
  const language = i18n.language === 'en' ? 'en' : 'id';
  const items = (data?.items ?? []).filter((item) => !permitType || item.permitType === permitType);
  const option = (item: (typeof items)[number]) => ({
    value: item.code,
    label: `${item.code} — ${item.label[language]}${item.validTo ? ` (${t('permit.oldIndex')})` : ''}`,
  });
  const current = items.filter((item) => !item.validTo).map(option);
  const old = items.filter((item) => item.validTo).map(option);
  const groups = [
    { group: t('permit.currentIndexes'), items: current },
    ...(old.length > 0 ? [{ group: t('permit.oldIndexes'), items: old }] : []),
  ];
  const known = items.some((item) => item.code === value);
  return (
    <Select
      searchable
      clearable
      {...props}
      data={value && !known ? [{ value, label: value }, ...groups] : groups}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** "E23 — Visa tinggal terbatas: bekerja" for a code on a permit. */
export function useVisaIndexLabel() {
  const { data } = useCodeTable('visa-indexes');
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (code: string | null) => {
    if (!code) {
      return '';
    }
    const item = data?.items.find((i) => i.code === code);
    return item ? `${code} — ${item.label[language]}` : code;
  };
}
