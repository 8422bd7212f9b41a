// What describes a property — name, kind, NIB, place (village, address, map pin), contact and person in charge — as
// one set of fields shared by the public registration, an operator's further property and the office's edit. The
// fields read the surrounding form through FormProvider, so each form keeps its own schema and submit.
import { Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { accommodationProperty } from '../../../../contracts/accommodations';
import { AreaPicker } from '../../../components/area-picker';
import { useCodeOptions } from '../../../lib/api/use-code-table';
import { PinInputs } from './pin-inputs';

export type PropertyValues = z.input<typeof accommodationProperty>;

export const propertyFieldNames = [
  'name',
  'kind',
  'nib',
  'address',
  'villageCode',
  'latitude',
  'longitude',
  'phone',
  'email',
  'picName',
  'picPhone',
] as const;

export const emptyProperty: PropertyValues = {
  name: '',
  kind: 'homestay',
  nib: '',
  address: '',
  villageCode: '',
  latitude: null,
  longitude: null,
  phone: '',
  email: '',
  picName: '',
  picPhone: '',
};

/** The API's domain errors that belong to one of these fields. */
export const propertyErrorFields = {
  INVALID_REFERENCE: 'villageCode',
  REGION_OUT_OF_SCOPE: 'villageCode',
  ACCOMMODATION_DUPLICATE: 'nib',
} as const;

/** Messages for the fields whose contract message is not worded for people. */
export function propertyMessages(t: TFunction<'accommodations'>, tc: TFunction) {
  return {
    nib: t('fields.nibInvalid'),
    phone: tc('fields.phoneInvalid'),
    picPhone: tc('fields.phoneInvalid'),
    email: tc('validation.email'),
  };
}

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function PropertyFields({ testIdPrefix = 'registration' }: { testIdPrefix?: string }) {
  const { t } = useTranslation('accommodations');
  const kinds = useCodeOptions('accommodation-kinds');
  const form = useFormContext<PropertyValues>();
  const { errors } = form.formState;
  const longitude = useWatch({ control: form.control, name: 'longitude' });
  const id = (name: string) => `${testIdPrefix}-${name}`;

  return (
    <>
      <FormSection title={t('register.sectionProperty')}>
        <TextInput
          label={t('fields.name')}
          required
          size="md"
          error={errors.name?.message}
          data-testid={id('name')}
          {...form.register('name')}
        />
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Select
              label={t('fields.kind')}
              required
              size="md"
              data={kinds.options}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? '')}
              error={errors.kind?.message}
              allowDeselect={false}
              data-testid={id('kind')}
            />
          )}
        />
        <TextInput
          label={t('fields.nib')}
          description={t('fields.nibHint')}
          required
          size="md"
          inputMode="numeric"
          autoComplete="off"
          maxLength={40}
          error={errors.nib?.message}
          data-testid={id('nib')}
          {...form.register('nib')}
        />
      </FormSection>

      <FormSection title={t('register.sectionPlace')}>
        <Controller
          control={form.control}
          name="villageCode"
          render={({ field }) => (
            <AreaPicker
              label={t('fields.village')}
              description={t('fields.villageHint')}
              required
              levels={[4]}
              value={field.value || null}
              onChange={(code) => field.onChange(code ?? '')}
              error={errors.villageCode?.message}
              data-testid={id('village')}
            />
          )}
        />
        <Textarea
          label={t('fields.address')}
          description={t('fields.addressHint')}
          required
          size="md"
          autosize
          minRows={2}
          error={errors.address?.message}
          data-testid={id('address')}
          {...form.register('address')}
        />
        <Controller
          control={form.control}
          name="latitude"
          render={({ field }) => (
            <PinInputs
              value={{ latitude: field.value ?? null, longitude: longitude ?? null }}
              onChange={(pin) => {
                field.onChange(pin.latitude);
                form.setValue('longitude', pin.longitude, { shouldDirty: true });
              }}
              errors={{ latitude: errors.latitude?.message, longitude: errors.longitude?.message }}
              testIdPrefix={testIdPrefix}
            />
          )}
        />
      </FormSection>

      <FormSection title={t('register.sectionContact')}>
        <TextInput
          label={t('fields.phone')}
          required
          size="md"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          error={errors.phone?.message}
          data-testid={id('phone')}
          {...form.register('phone')}
        />
        <TextInput
          label={t('fields.email')}
          required
          size="md"
          type="email"
          inputMode="email"
          error={errors.email?.message}
          data-testid={id('email')}
          {...form.register('email')}
        />
        <TextInput
          label={t('fields.picName')}
          required
          size="md"
          autoComplete="name"
          error={errors.picName?.message}
          data-testid={id('pic-name')}
          {...form.register('picName')}
        />
        <TextInput
          label={t('fields.picPhone')}
          size="md"
          type="tel"
          inputMode="tel"
          error={errors.picPhone?.message}
          data-testid={id('pic-phone')}
          {...form.register('picPhone')}
        />
      </FormSection>
    </>
  );
}
