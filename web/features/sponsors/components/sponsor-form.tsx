// Create and edit a sponsor (penjamin) with the API's schema: a company (with its NIB) or a person (with an identity
// number), the contact person, phone, e-mail, address and its area.
import { Button, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type SponsorCreate, type SponsorItem, sponsorCreate } from '../../../../contracts/sponsors';
import { AreaPicker } from '../../../components/area-picker';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';

type Values = z.input<typeof sponsorCreate>;
const fields = ['kind', 'name', 'registrationNo', 'contactPerson', 'phone', 'email', 'address', 'regionCode'] as const;

function toValues(sponsor: SponsorItem | undefined): Values {
  return {
    kind: sponsor?.kind ?? 'company',
    name: sponsor?.name ?? '',
    registrationNo: sponsor?.registrationNo ?? '',
    contactPerson: sponsor?.contactPerson ?? '',
    phone: sponsor?.phone ?? '',
    email: sponsor?.email ?? '',
    address: sponsor?.address ?? '',
    regionCode: sponsor?.region?.code ?? '',
  };
}

export function SponsorForm({
  sponsor,
  onSubmit,
  submitLabel,
  readOnly = false,
  onCancel,
}: {
  sponsor?: SponsorItem;
  onSubmit: (values: SponsorCreate) => Promise<unknown>;
  submitLabel: string;
  readOnly?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('sponsors');
  const { t: tc } = useTranslation();
  const form = useForm<Values, unknown, SponsorCreate>({
    resolver: contractResolver(sponsorCreate, { email: tc('validation.email'), phone: tc('fields.phoneInvalid') }),
    defaultValues: toValues(sponsor),
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const [submitError, setSubmitError] = useState<unknown>(null);

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      await onSubmit(values);
      form.reset(values);
    } catch (error) {
      const placed = applyServerErrors(error, form.setError, fields, {
        REGION_NOT_FOUND: 'regionCode',
        REGION_OUT_OF_SCOPE: 'regionCode',
      });
      if (!placed) {
        setSubmitError(error);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="sponsor-form">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('fields.kind')}
            </Text>
            <Controller
              control={form.control}
              name="kind"
              render={({ field }) => (
                <SegmentedControl
                  value={field.value}
                  onChange={(value) => field.onChange(value as Values['kind'])}
                  data={[
                    { value: 'company', label: t('kind.company') },
                    { value: 'person', label: t('kind.person') },
                  ]}
                  disabled={readOnly}
                  w="fit-content"
                  data-testid="sponsor-kind"
                />
              )}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={kind === 'company' ? t('fields.companyName') : t('fields.personName')}
              required
              error={errors.name?.message}
              data-testid="sponsor-name"
              {...form.register('name')}
            />
            <TextInput
              label={kind === 'company' ? t('fields.nib') : t('fields.idNumber')}
              description={kind === 'company' ? t('fields.nibHint') : t('fields.idNumberHint')}
              error={errors.registrationNo?.message}
              data-testid="sponsor-registration"
              {...form.register('registrationNo')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={t('fields.contactPerson')}
              error={errors.contactPerson?.message}
              data-testid="sponsor-contact"
              {...form.register('contactPerson')}
            />
            <TextInput
              label={t('fields.phone')}
              type="tel"
              inputMode="tel"
              error={errors.phone?.message}
              data-testid="sponsor-phone"
              {...form.register('phone')}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              inputMode="email"
              error={errors.email?.message}
              data-testid="sponsor-email"
              {...form.register('email')}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="regionCode"
            render={({ field }) => (
              <AreaPicker
                label={t('fields.region')}
                description={t('fields.regionHint')}
                value={field.value || null}
                onChange={(code) => field.onChange(code ?? '')}
                onBlur={field.onBlur}
                error={errors.regionCode?.message}
                disabled={readOnly}
                data-testid="sponsor-region"
              />
            )}
          />
          <Textarea
            label={t('fields.address')}
            autosize
            minRows={2}
            error={errors.address?.message}
            data-testid="sponsor-address"
            {...form.register('address')}
          />
          <ErrorAlert error={submitError} />
          {!readOnly && (
            <Group justify="flex-end" gap="xs">
              {onCancel && (
                <Button variant="default" onClick={onCancel}>
                  {tc('actions.cancel')}
                </Button>
              )}
              <Button type="submit" loading={isSubmitting} data-testid="sponsor-submit">
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
