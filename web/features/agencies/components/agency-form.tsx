// Create and edit an agency with the API's schema: name, kind, jurisdiction (area picker), the immigration office
// (for the office's own agency), address and contact.
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type AgencyCreate, type AgencyItem, agencyCreate } from '../../../../contracts/orgs';
import { AreaPicker } from '../../../components/area-picker';
import { ErrorAlert } from '../../../components/error-alert';
import { OfficeSelect } from '../../../components/office-select';
import { useCodeOptions } from '../../../lib/api/use-code-table';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';

type Values = z.input<typeof agencyCreate>;
const fields = ['name', 'kind', 'regionCode', 'officeId', 'address', 'phone', 'email'] as const;

function toValues(agency: AgencyItem | undefined): Values {
  return {
    name: agency?.name ?? '',
    kind: agency?.kind ?? '',
    regionCode: agency?.region.code ?? '',
    officeId: agency?.office?.id ?? null,
    address: agency?.address ?? '',
    phone: agency?.phone ?? '',
    email: agency?.email ?? '',
  };
}

export function AgencyForm({
  agency,
  onSubmit,
  submitLabel,
  readOnly = false,
  onCancel,
}: {
  agency?: AgencyItem;
  onSubmit: (values: AgencyCreate) => Promise<unknown>;
  submitLabel: string;
  readOnly?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('agencies');
  const { t: tc } = useTranslation();
  const kinds = useCodeOptions('agency-kinds');
  const form = useForm<Values, unknown, AgencyCreate>({
    resolver: contractResolver(agencyCreate, { email: tc('validation.email'), phone: tc('fields.phoneInvalid') }),
    defaultValues: toValues(agency),
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const [submitError, setSubmitError] = useState<unknown>(null);

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      // Only an immigration agency belongs to an office.
      await onSubmit({ ...values, officeId: values.kind === 'imigrasi' ? values.officeId : null });
      form.reset(values.kind === 'imigrasi' ? values : { ...values, officeId: null });
    } catch (error) {
      const placed = applyServerErrors(error, form.setError, fields, {
        REGION_NOT_FOUND: 'regionCode',
        REGION_OUT_OF_SCOPE: 'regionCode',
        OFFICE_NOT_FOUND: 'officeId',
      });
      if (!placed) {
        setSubmitError(error);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="agency-form">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <TextInput
            label={t('fields.name')}
            description={t('fields.nameHint')}
            required
            error={errors.name?.message}
            data-testid="agency-name"
            {...form.register('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Controller
              control={form.control}
              name="kind"
              render={({ field }) => (
                <Select
                  label={t('fields.kind')}
                  required
                  searchable
                  data={kinds.options}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  error={errors.kind?.message}
                  data-testid="agency-kind"
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            />
            <Controller
              control={form.control}
              name="regionCode"
              render={({ field }) => (
                <AreaPicker
                  label={t('fields.region')}
                  description={t('fields.regionHint')}
                  required
                  value={field.value || null}
                  onChange={(code) => field.onChange(code ?? '')}
                  onBlur={field.onBlur}
                  error={errors.regionCode?.message}
                  disabled={readOnly}
                  data-testid="agency-region"
                />
              )}
            />
          </SimpleGrid>
          {kind === 'imigrasi' && (
            <Controller
              control={form.control}
              name="officeId"
              render={({ field }) => (
                <OfficeSelect
                  label={t('fields.office')}
                  description={t('fields.officeHint')}
                  clearable
                  value={field.value ?? null}
                  onChange={(value) => field.onChange(value)}
                  onBlur={field.onBlur}
                  initialOption={agency?.office ? { value: agency.office.id, label: agency.office.name } : null}
                  error={errors.officeId?.message}
                  data-testid="agency-office"
                />
              )}
            />
          )}
          <Textarea
            label={t('fields.address')}
            autosize
            minRows={2}
            error={errors.address?.message}
            data-testid="agency-address"
            {...form.register('address')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('fields.phone')}
              type="tel"
              inputMode="tel"
              error={errors.phone?.message}
              data-testid="agency-phone"
              {...form.register('phone')}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              inputMode="email"
              error={errors.email?.message}
              data-testid="agency-email"
              {...form.register('email')}
            />
          </SimpleGrid>
          <ErrorAlert error={submitError} />
          {!readOnly && (
            <Group justify="flex-end" gap="xs">
              {onCancel && (
                <Button variant="default" onClick={onCancel}>
                  {tc('actions.cancel')}
                </Button>
              )}
              <Button type="submit" loading={isSubmitting} data-testid="agency-submit">
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
