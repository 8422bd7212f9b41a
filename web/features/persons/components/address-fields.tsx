// Where the person lives: an area at any level (a village when known) and the address as written.
import { SimpleGrid, Stack, Textarea } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AreaPicker } from '../../../components/area-picker';
import type { AddressValues } from '../utils/form-values';
import { DateField } from './date-field';

export function AddressFields({ withValidFrom = false }: { withValidFrom?: boolean }) {
  const { t } = useTranslation('persons');
  const { control, register, formState } = useFormContext<{ address: AddressValues }>();
  const errors = formState.errors.address;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: withValidFrom ? 2 : 1 }} spacing="sm">
        <Controller
          control={control}
          name="address.regionCode"
          render={({ field }) => (
            <AreaPicker
              label={t('address.region')}
              description={t('address.regionHint')}
              value={field.value || null}
              onChange={(code) => field.onChange(code ?? '')}
              onBlur={field.onBlur}
              error={errors?.regionCode?.message}
              data-testid="address-region"
            />
          )}
        />
        {withValidFrom && (
          <DateField
            control={control}
            name="address.validFrom"
            label={t('address.validFrom')}
            description={t('address.validFromHint')}
            error={errors?.validFrom?.message}
            testId="address-valid-from"
          />
        )}
      </SimpleGrid>
      <Textarea
        label={t('address.text')}
        placeholder={t('address.textPlaceholder')}
        autosize
        minRows={2}
        error={errors?.text?.message}
        data-testid="address-text"
        {...register('address.text')}
      />
    </Stack>
  );
}
