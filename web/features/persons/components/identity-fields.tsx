// The identity of a person as one source gives it: names, sex, birth date (whole, month or year only), birthplace,
// nationality. Used for a new person and for another source's version of an existing one.
import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MrzFields } from '../../../../contracts/mrz';
import { useFormat } from '../../../lib/use-format';
import type { IdentityValues } from '../utils/form-values';
import { formatPartialDate, toIsoPartialDate } from '../utils/partial-date';
import { CountrySelect } from './country-select';
import { MrzHint } from './mrz-hint';

export function IdentityFields({
  testPrefix,
  mrz,
  required = true,
}: {
  /** "person" gives person-surname, person-given-names, … */
  testPrefix: string;
  /** the MRZ the form was filled from */
  mrz?: MrzFields | null | undefined;
  /** a new person needs a name and a nationality; another source's version may give only some fields */
  required?: boolean;
}) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const { control, register, formState } = useFormContext<IdentityValues>();
  const { errors } = formState;
  const [surname, givenNames, birthDate, nationality] = useWatch({
    control,
    name: ['surname', 'givenNames', 'birthDate', 'nationality'],
  });
  const birthIso = toIsoPartialDate(birthDate);
  const birthReading = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(birthIso) ? formatPartialDate(birthIso, format.locale) : '';

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('fields.surname')}
          description={<MrzHint value={surname} mrz={mrz?.surname} fallback={t('fields.surnameHint')} />}
          error={errors.surname?.message}
          autoComplete="off"
          data-testid={`${testPrefix}-surname`}
          {...register('surname')}
        />
        <TextInput
          label={t('fields.givenNames')}
          description={<MrzHint value={givenNames} mrz={mrz?.givenNames} fallback={t('fields.givenNamesHint')} />}
          error={errors.givenNames?.message}
          autoComplete="off"
          data-testid={`${testPrefix}-given-names`}
          {...register('givenNames')}
        />
      </SimpleGrid>
      <TextInput
        label={t('fields.fullName')}
        description={t('fields.fullNameHint')}
        error={errors.fullName?.message}
        autoComplete="off"
        data-testid={`${testPrefix}-full-name`}
        {...register('fullName')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Controller
          control={control}
          name="sex"
          render={({ field }) => (
            <Select
              label={t('fields.sex')}
              description={<MrzHint value={field.value} mrz={mrz?.sex} />}
              data={[
                { value: 'M', label: t('sex.M') },
                { value: 'F', label: t('sex.F') },
                { value: 'X', label: t('sex.X') },
              ]}
              clearable
              value={field.value || null}
              onChange={(value) => field.onChange((value ?? '') as IdentityValues['sex'])}
              onBlur={field.onBlur}
              error={errors.sex?.message}
              data-testid={`${testPrefix}-sex`}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <TextInput
          label={t('fields.birthDate')}
          description={
            <MrzHint
              value={birthIso}
              mrz={mrz?.birthDate}
              fallback={birthReading ? t('fields.birthDateReads', { date: birthReading }) : t('fields.birthDateHint')}
            />
          }
          placeholder={t('fields.birthDatePlaceholder')}
          error={errors.birthDate?.message}
          inputMode="numeric"
          autoComplete="off"
          data-testid={`${testPrefix}-birth-date`}
          {...register('birthDate')}
        />
        <TextInput
          label={t('fields.birthPlace')}
          error={errors.birthPlace?.message}
          autoComplete="off"
          data-testid={`${testPrefix}-birth-place`}
          {...register('birthPlace')}
        />
      </SimpleGrid>
      <Controller
        control={control}
        name="nationality"
        render={({ field }) => (
          <CountrySelect
            label={t('fields.nationality')}
            description={<MrzHint value={nationality} mrz={mrz?.nationality} fallback={t('fields.nationalityHint')} />}
            required={required}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors.nationality?.message}
            data-testid={`${testPrefix}-nationality`}
          />
        )}
      />
    </Stack>
  );
}
