// A search box that asks the server only after the person pauses typing.
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function SearchInput({
  value,
  onChange,
  placeholder,
  label,
  'data-testid': testId,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  label?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback((next: string) => onChange(next.trim()), 300);
  useEffect(() => setText(value), [value]);

  return (
    <TextInput
      type="search"
      value={text}
      label={label}
      aria-label={label ? undefined : (placeholder ?? t('list.search'))}
      placeholder={placeholder ?? t('list.search')}
      leftSection={<IconSearch size={16} />}
      data-testid={testId}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onChange(text.trim());
        }
      }}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label={t('actions.clearFilters')}
            onClick={() => {
              setText('');
              onChange('');
            }}
          />
        ) : null
      }
      style={{ flex: '1 1 220px' }}
    />
  );
}
