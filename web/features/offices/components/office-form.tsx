// Create and edit an immigration office: name, class, seat, working area (regencies/cities), address and contact.
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type OfficeCreate, type OfficeItem, officeCreate } from '../../../../contracts/orgs';
import { AreaMultiPicker, AreaPicker } from '../../../components/area-picker';
import { ErrorAlert } from '../../../components/error-alert';
import { useCodeOptions } from '../../../lib/api/use-code-table';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';
import { areaShortName } from '../../../lib/regions';

type Values = z.input<typeof officeCreate>;
const fields = ['name', 'officeClass', 'regionCode', 'workingArea', 'address', 'phone', 'email'] as const;

function toValues(office: OfficeItem | undefined): Values {
  return {
    name: office?.name ?? '',
    officeClass: office?.officeClass ?? '',
    regionCode: office?.region.code ?? '',
    workingArea: office?.workingArea.map((area) => area.code) ?? [],
    address: office?.address ?? '',
    phone: office?.phone ?? '',
    email: office?.email ?? '',
  };
}

export function OfficeForm({
  office,
  onSubmit,
  submitLabel,
  readOnly = false,
  onCancel,
}: {
  office?: OfficeItem;
  onSubmit: (values: OfficeCreate) => Promise<unknown>;
  submitLabel: string;
  readOnly?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('offices');
  const { t: tc } = useTranslation();
  const classes = useCodeOptions('office-classes');
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, OfficeCreate>({
    resolver: contractResolver(officeCreate, {
      email: tc('validation.email'),
      phone: tc('fields.phoneInvalid'),
      workingArea: t('fields.workingAreaRequired'),
    }),
    defaultValues: toValues(office),
  });
  const { errors, isSubmitting } = form.formState;
  const knownLabels = new Map((office?.workingArea ?? []).map((area) => [area.code, areaShortName(area)]));

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      await onSubmit(values);
      form.reset(values);
    } catch (error) {
      const placed = applyServerErrors(error, form.setError, fields, {
        REGION_NOT_FOUND: 'regionCode',
        REGION_OUT_OF_SCOPE: 'workingArea',
      });
      if (!placed) {
        setSubmitError(error);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="office-form">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <TextInput
            label={t('fields.name')}
            description={t('fields.nameHint')}
            required
            error={errors.name?.message}
            data-testid="office-name"
            {...form.register('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Controller
              control={form.control}
              name="officeClass"
              render={({ field }) => (
                <Select
                  label={t('fields.officeClass')}
                  required
                  data={classes.options}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  error={errors.officeClass?.message}
                  data-testid="office-class"
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
                  data-testid="office-region"
                />
              )}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="workingArea"
            render={({ field }) => (
              <AreaMultiPicker
                label={t('fields.workingArea')}
                description={t('fields.workingAreaHint')}
                required
                levels={[2]}
                value={field.value}
                knownLabels={knownLabels}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.workingArea?.message ?? errors.workingArea?.root?.message}
                disabled={readOnly}
                data-testid="office-working-area"
              />
            )}
          />
          <Textarea
            label={t('fields.address')}
            autosize
            minRows={2}
            error={errors.address?.message}
            {...form.register('address')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('fields.phone')}
              type="tel"
              inputMode="tel"
              error={errors.phone?.message}
              {...form.register('phone')}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              inputMode="email"
              error={errors.email?.message}
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
              <Button type="submit" loading={isSubmitting} data-testid="office-submit">
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
