// Picking a Kemendagri area by typing its name: "pagar alam", "muara siban", "kec dempo". Debounced search against
// /regions, options written as people write an address ("Desa Muara Siban, Kec. Dempo Utara, Kota Pagar Alam"),
// arrows + Enter to choose, Escape to close. AreaPicker holds one area; AreaMultiPicker several (a working area).
import {
  Badge,
  type BoxProps,
  CloseButton,
  Combobox,
  Group,
  InputBase,
  Loader,
  Pill,
  PillsInput,
  Text,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionItem } from '../../contracts/regions';
import { useRegion, useRegionLabels } from '../lib/api/use-region';
import { useRegionSearch } from '../lib/api/use-region-search';
import { splitAreaLabel } from '../lib/regions';

/** 1 province, 2 regency/city, 3 district (kecamatan), 4 village (desa/kelurahan). */
export type AreaLevel = 1 | 2 | 3 | 4;

const MIN_CHARS = 2;
const DEBOUNCE_MS = 250;

type CommonProps = {
  label?: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  /** only these levels can be chosen, e.g. [2] for the regencies/cities of a working area */
  levels?: readonly AreaLevel[];
  /** only areas inside this one */
  within?: string;
  /** width, as Mantine style props take it */
  w?: BoxProps['w'];
  'data-testid'?: string;
};

function useAreaOptions(search: string, levels: readonly AreaLevel[] | undefined, within: string | undefined) {
  const [debounced] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const enabled = debounced.length >= MIN_CHARS;
  const level = levels?.length === 1 ? levels[0] : undefined;
  const query = useRegionSearch({ q: debounced, level, within, limit: 20 }, enabled);
  const items = enabled
    ? (query.data?.items ?? []).filter((item) => !levels || levels.includes(item.level as AreaLevel))
    : [];
  const waiting = search.trim().length >= MIN_CHARS && (debounced !== search.trim() || query.isFetching);
  return { items, enabled, waiting, tooShort: search.trim().length < MIN_CHARS };
}

function usePlaceholder(levels: readonly AreaLevel[] | undefined, placeholder: string | undefined) {
  const { t } = useTranslation();
  if (placeholder) {
    return placeholder;
  }
  if (levels && levels.length === 1 && levels[0] === 2) {
    return t('areaPicker.placeholderRegency');
  }
  if (levels && levels.length === 1 && levels[0] === 1) {
    return t('areaPicker.placeholderProvince');
  }
  return t('areaPicker.placeholder');
}

function AreaOptions({
  items,
  waiting,
  tooShort,
  exclude,
}: {
  items: RegionItem[];
  waiting: boolean;
  tooShort: boolean;
  exclude?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const shown = exclude ? items.filter((item) => !exclude.has(item.code)) : items;
  if (tooShort) {
    return <Combobox.Empty>{t('areaPicker.typeMore')}</Combobox.Empty>;
  }
  if (shown.length === 0) {
    return <Combobox.Empty>{waiting ? t('areaPicker.searching') : t('areaPicker.noResults')}</Combobox.Empty>;
  }
  return shown.map((item) => {
    const [head, rest] = splitAreaLabel(item.label);
    return (
      <Combobox.Option value={item.code} key={item.code} aria-label={item.label}>
        <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {head}
            </Text>
            {rest && (
              <Text size="xs" style={{ opacity: 0.7 }}>
                {rest}
              </Text>
            )}
          </div>
          <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
            {t(`areaPicker.level.${String(item.level) as '1' | '2' | '3' | '4'}`)}
          </Badge>
        </Group>
      </Combobox.Option>
    );
  });
}

export type AreaPickerProps = CommonProps & {
  value: string | null;
  onChange: (code: string | null, area?: RegionItem) => void;
  onBlur?: () => void;
  /** show a clear button (default: when not required) */
  clearable?: boolean;
};

export function AreaPicker({
  value,
  onChange,
  onBlur,
  levels,
  within,
  label,
  description,
  error,
  placeholder,
  required,
  disabled,
  clearable,
  w,
  'data-testid': testId,
}: AreaPickerProps) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const selected = useRegion(value);
  const selectedLabel = value ? (selected.data?.label ?? value) : '';
  const [search, setSearch] = useState(selectedLabel);
  const [editing, setEditing] = useState(false);
  const options = useAreaOptions(editing ? search : '', levels, within);
  const hint = usePlaceholder(levels, placeholder);

  // Show the chosen area's label once it is known, unless the person is typing.
  useEffect(() => {
    if (!editing) {
      setSearch(selectedLabel);
    }
  }, [selectedLabel, editing]);

  const resultsKey = options.items.map((item) => item.code).join(',');
  // New results: highlight the first, so Enter picks it. Only when the results change, not on every render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the result codes on purpose
  useEffect(() => {
    if (resultsKey && combobox.dropdownOpened) {
      combobox.selectFirstOption();
    }
  }, [resultsKey]);

  const choose = (code: string) => {
    const area = options.items.find((item) => item.code === code);
    onChange(code, area);
    setEditing(false);
    setSearch(area?.label ?? code);
    combobox.closeDropdown();
  };

  const clear = () => {
    onChange(null);
    setSearch('');
    setEditing(true);
    combobox.openDropdown();
  };

  const showClear = (clearable ?? !required) && Boolean(value) && !disabled;

  return (
    <Combobox store={combobox} onOptionSubmit={choose} withinPortal={true} position="bottom-start">
      <Combobox.Target>
        <InputBase
          label={label}
          description={description}
          error={error}
          required={required}
          disabled={disabled}
          placeholder={hint}
          value={search}
          autoComplete="off"
          aria-label={label ? undefined : hint}
          w={w}
          data-testid={testId}
          onChange={(event) => {
            setEditing(true);
            setSearch(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={(event) => {
            if (value) {
              event.currentTarget.select();
            }
          }}
          onBlur={() => {
            combobox.closeDropdown();
            if (editing && search.trim() === '' && value) {
              onChange(null);
            }
            setEditing(false);
            setSearch(selectedLabel);
            onBlur?.();
          }}
          rightSection={
            options.waiting ? (
              <Loader size={16} />
            ) : showClear ? (
              <CloseButton
                size="sm"
                onMouseDown={(event) => event.preventDefault()}
                onClick={clear}
                aria-label={t('areaPicker.clear')}
              />
            ) : (
              <Combobox.Chevron />
            )
          }
          rightSectionPointerEvents={showClear ? 'all' : 'none'}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          <AreaOptions items={options.items} waiting={options.waiting} tooShort={options.tooShort} />
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

export type AreaMultiPickerProps = CommonProps & {
  value: readonly string[];
  onChange: (codes: string[]) => void;
  onBlur?: () => void;
  /** labels already known (e.g. from the record being edited), to avoid looking them up */
  knownLabels?: ReadonlyMap<string, string>;
};

export function AreaMultiPicker({
  value,
  onChange,
  onBlur,
  levels,
  within,
  label,
  description,
  error,
  placeholder,
  required,
  disabled,
  knownLabels,
  w,
  'data-testid': testId,
}: AreaMultiPickerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
    onDropdownOpen: () => combobox.updateSelectedOptionIndex('active'),
  });
  const [search, setSearch] = useState('');
  const [chosenLabels, setChosenLabels] = useState<ReadonlyMap<string, string>>(new Map());
  const missing = value.filter((code) => !knownLabels?.has(code) && !chosenLabels.has(code));
  const fetched = useRegionLabels(missing);
  const labelOf = (code: string) => knownLabels?.get(code) ?? chosenLabels.get(code) ?? fetched.get(code) ?? code;
  const options = useAreaOptions(search, levels, within);
  const hint = usePlaceholder(levels, placeholder);

  const resultsKey = options.items.map((item) => item.code).join(',');
  // New results: highlight the first, so Enter picks it. Only when the results change, not on every render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the result codes on purpose
  useEffect(() => {
    if (resultsKey && combobox.dropdownOpened) {
      combobox.selectFirstOption();
    }
  }, [resultsKey]);

  const add = (code: string) => {
    const area = options.items.find((item) => item.code === code);
    if (area) {
      setChosenLabels((labels) => new Map(labels).set(code, area.label));
    }
    if (!value.includes(code)) {
      onChange([...value, code]);
    }
    setSearch('');
  };
  const remove = (code: string) => onChange(value.filter((c) => c !== code));

  return (
    <Combobox store={combobox} onOptionSubmit={add} withinPortal={true} position="bottom-start">
      <Combobox.DropdownTarget>
        <PillsInput
          label={label}
          description={description}
          error={error}
          required={required}
          disabled={disabled}
          labelProps={{ htmlFor: inputId }}
          w={w}
          onClick={() => combobox.openDropdown()}
          rightSection={options.waiting ? <Loader size={16} /> : null}
        >
          <Pill.Group>
            {value.map((code) => {
              const [head] = splitAreaLabel(labelOf(code));
              return (
                <Pill
                  key={code}
                  withRemoveButton={!disabled}
                  onRemove={() => remove(code)}
                  title={labelOf(code)}
                  removeButtonProps={{ 'aria-label': t('areaPicker.remove', { name: head }) }}
                >
                  {head}
                </Pill>
              );
            })}
            <Combobox.EventsTarget>
              <PillsInput.Field
                id={inputId}
                value={search}
                placeholder={value.length === 0 ? hint : undefined}
                autoComplete="off"
                data-testid={testId}
                disabled={disabled}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => {
                  combobox.closeDropdown();
                  onBlur?.();
                }}
                onChange={(event) => {
                  combobox.openDropdown();
                  combobox.updateSelectedOptionIndex();
                  setSearch(event.currentTarget.value);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Backspace' && search.length === 0 && value.length > 0) {
                    event.preventDefault();
                    const last = value[value.length - 1];
                    if (last) {
                      remove(last);
                    }
                  }
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          <AreaOptions
            items={options.items}
            waiting={options.waiting}
            tooShort={options.tooShort}
            exclude={new Set(value)}
          />
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
