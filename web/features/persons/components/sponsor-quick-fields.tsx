// A new sponsor recorded with the person: the essentials only; the sponsor's page takes the rest later.
import { SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SponsorQuickValues } from '../utils/form-values';

export function SponsorQuickFields() {
  const { t } = useTranslation('persons');
  const { control, register, formState } = useFormContext<{ sponsor: SponsorQuickValues }>();
  const errors = formState.errors.sponsor;
  const kind = useWatch({ control, name: 'sponsor.kind' });
  return (
    <Stack gap="sm">
      <Controller
        control={control}
        name="sponsor.kind"
        render={({ field }) => (
          <SegmentedControl
            value={field.value}
            onChange={(value) => field.onChange(value as SponsorQuickValues['kind'])}
            data={[
              { value: 'company', label: t('sponsor.kind.company') },
              { value: 'person', label: t('sponsor.kind.person') },
            ]}
            data-testid="sponsor-new-kind"
          />
        )}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={kind === 'company' ? t('sponsor.companyName') : t('sponsor.personName')}
          required
          error={errors?.name?.message}
          data-testid="sponsor-new-name"
          {...register('sponsor.name')}
        />
        <TextInput
          label={kind === 'company' ? t('sponsor.nib') : t('sponsor.idNumber')}
          error={errors?.registrationNo?.message}
          data-testid="sponsor-new-registration"
          {...register('sponsor.registrationNo')}
        />
        <TextInput
          label={t('sponsor.contactPerson')}
          error={errors?.contactPerson?.message}
          data-testid="sponsor-new-contact"
          {...register('sponsor.contactPerson')}
        />
        <TextInput
          label={t('sponsor.phone')}
          type="tel"
          inputMode="tel"
          error={errors?.phone?.message}
          data-testid="sponsor-new-phone"
          {...register('sponsor.phone')}
        />
      </SimpleGrid>
      <TextInput
        label={t('sponsor.email')}
        type="email"
        inputMode="email"
        error={errors?.email?.message}
        data-testid="sponsor-new-email"
        {...register('sponsor.email')}
      />
    </Stack>
  );
}
