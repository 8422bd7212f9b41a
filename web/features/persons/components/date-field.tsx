// A calendar date typed the Indonesian way (31-12-2026, 31/12/2026) or picked; the form holds YYYY-MM-DD.
import { DateInput, type DateInputProps } from '@mantine/dates';
import type { ReactNode } from 'react';
import { type Control, Controller, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

function pad(value: string | undefined) {
  return (value ?? '').padStart(2, '0');
}

/** "31-12-2026", "31/12/2026", "31.12.2026" or "2026-12-31" → "2026-12-31"; null when it is not a real date. */
export function parseTypedDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!year || !month || !day) {
    return null;
  }
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
    return null;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function DateField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  error,
  required,
  testId,
  ...props
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  testId: string;
} & Pick<DateInputProps, 'minDate' | 'maxDate'>) {
  const { t } = useTranslation('persons');
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateInput
          {...props}
          label={label}
          description={description}
          required={required}
          valueFormat="DD-MM-YYYY"
          placeholder={t('form.datePlaceholder')}
          dateParser={parseTypedDate}
          clearable
          value={(field.value as string | null) ?? null}
          onChange={(value) => field.onChange(value)}
          onBlur={field.onBlur}
          error={error}
          data-testid={testId}
          popoverProps={{ withinPortal: true }}
        />
      )}
    />
  );
}
