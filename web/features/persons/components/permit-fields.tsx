// A stay permit: type and visa index (from the versioned code table), number, validity, entry date and port, and
// optionally its sponsor.
import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCodeTable } from '../../../lib/api/use-code-table';
import type { PermitValues } from '../utils/form-values';
import { DateField } from './date-field';
import { SponsorSelect } from './sponsor-select';
import { VisaIndexSelect } from './visa-index-select';

export function PermitFields({ withSponsor = false }: { withSponsor?: boolean }) {
  const { t, i18n } = useTranslation('persons');
  const language = i18n.language === 'en' ? 'en' : 'id';
  const { control, register, formState, setValue, getValues } = useFormContext<{ permit: PermitValues }>();
  const errors = formState.errors.permit;
  const type = useWatch({ control, name: 'permit.type' });
  const permitTypes = useCodeTable('permit-types');
  const visaIndexes = useCodeTable('visa-indexes');

  const changeType = (next: PermitValues['type']) => {
    setValue('permit.type', next, { shouldDirty: true });
    // An index of another permit type no longer fits.
    const index = visaIndexes.data?.items.find((item) => item.code === getValues('permit.visaIndex'));
    if (index && next && index.permitType !== next) {
      setValue('permit.visaIndex', '', { shouldDirty: true });
    }
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Controller
          control={control}
          name="permit.type"
          render={({ field }) => (
            <Select
              label={t('permit.type')}
              required
              data={(permitTypes.data?.items ?? []).map((item) => ({
                value: item.code,
                label: `${String(item.shortLabel ?? item.code)} — ${item.label[language]}`,
              }))}
              value={field.value || null}
              onChange={(value) => changeType((value ?? '') as PermitValues['type'])}
              onBlur={field.onBlur}
              error={errors?.type?.message}
              data-testid="permit-type"
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={control}
          name="permit.visaIndex"
          render={({ field }) => (
            <VisaIndexSelect
              label={t('permit.visaIndex')}
              description={t('permit.visaIndexHint')}
              permitType={type}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors?.visaIndex?.message}
              data-testid="permit-visa-index"
            />
          )}
        />
      </SimpleGrid>
      <TextInput
        label={t('permit.number')}
        error={errors?.number?.message}
        autoComplete="off"
        data-testid="permit-number"
        {...register('permit.number')}
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <DateField
          control={control}
          name="permit.validFrom"
          label={t('permit.validFrom')}
          error={errors?.validFrom?.message}
          testId="permit-valid-from"
        />
        <DateField
          control={control}
          name="permit.validUntil"
          label={t('permit.validUntil')}
          description={type === 'ITAP' ? t('permit.validUntilOpen') : undefined}
          error={errors?.validUntil?.message}
          testId="permit-valid-until"
        />
        <DateField
          control={control}
          name="permit.entryDate"
          label={t('permit.entryDate')}
          error={errors?.entryDate?.message}
          testId="permit-entry-date"
        />
        <TextInput
          label={t('permit.entryPort')}
          placeholder={t('permit.entryPortPlaceholder')}
          error={errors?.entryPort?.message}
          data-testid="permit-entry-port"
          {...register('permit.entryPort')}
        />
      </SimpleGrid>
      {withSponsor && (
        <Controller
          control={control}
          name="permit.sponsorId"
          render={({ field }) => (
            <SponsorSelect
              label={t('permit.sponsor')}
              description={t('permit.sponsorHint')}
              clearable
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? '')}
              onBlur={field.onBlur}
              error={errors?.sponsorId?.message}
              data-testid="permit-sponsor"
            />
          )}
        />
      )}
    </Stack>
  );
}
