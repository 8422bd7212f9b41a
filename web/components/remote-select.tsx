// A searchable select whose options come from the server as the person types (agencies, offices, users).
import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type RemoteOption = { value: string; label: string };
export type OptionsHook = (q: string) => { options: RemoteOption[]; isFetching: boolean };

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (value: string | null, option: RemoteOption | null) => void;
  useOptions: OptionsHook;
  /** the current value's label when it comes from the record being edited */
  initialOption?: RemoteOption | null;
  'data-testid'?: string;
};

export function RemoteSelect({ value, onChange, useOptions, initialOption, ...props }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<RemoteOption | null>(initialOption ?? null);
  const [search, setSearch] = useState('');
  const selected = chosen && chosen.value === value ? chosen : initialOption?.value === value ? initialOption : null;
  // While the box shows the chosen label, list everything; once the person types, search for it.
  const typed = selected && search === selected.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 250);
  const { options, isFetching } = useOptions(debounced);
  const data = selected && !options.some((o) => o.value === selected.value) ? [selected, ...options] : options;

  return (
    <Select
      {...props}
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={isFetching ? t('list.loading') : t('list.noResults')}
      rightSection={isFetching ? <Loader size={16} /> : undefined}
      onChange={(next, option) => {
        const picked = next && option ? { value: next, label: option.label } : null;
        setChosen(picked);
        onChange(next, picked);
      }}
    />
  );
}
