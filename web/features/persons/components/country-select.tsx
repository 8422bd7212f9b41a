// A country from the countries code table (ICAO codes, with the special ones such as XXA stateless), found by its
// name in the person's language or by its code.
import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeTable } from '../../../lib/api/use-code-table';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  onChange: (code: string) => void;
  'data-testid'?: string;
};

export function CountrySelect({ value, onChange, ...props }: Props) {
  const { data, isPending } = useCodeTable('countries');
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const options = useMemo(
    () =>
      (data?.items ?? [])
        .map((item) => ({ value: item.code, label: `${item.label[language]} · ${item.code}` }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [data, language],
  );
  // A code the table does not know (read from an MRZ, say) stays visible instead of vanishing from the box.
  const choices =
    value && data && !options.some((o) => o.value === value) ? [{ value, label: value }, ...options] : options;
  return (
    <Select
      searchable
      clearable
      limit={60}
      {...props}
      data={choices}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      disabled={props.disabled || isPending}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
