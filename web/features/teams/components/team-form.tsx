// Create and edit a TIM PORA team: level and area, the decree (SK) that forms it, chair, secretariat and period.
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type TeamCreate, type TeamDetail, teamCreate } from '../../../../contracts/orgs';
import { type AreaLevel, AreaPicker } from '../../../components/area-picker';
import { ErrorAlert } from '../../../components/error-alert';
import { OfficeSelect } from '../../../components/office-select';
import { useCodeOptions } from '../../../lib/api/use-code-table';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';

type Values = z.input<typeof teamCreate>;
const fields = [
  'name',
  'level',
  'regionCode',
  'decreeNumber',
  'decreeDate',
  'chairName',
  'chairTitle',
  'secretariatOfficeId',
  'periodStart',
  'periodEnd',
] as const;

function toValues(team: TeamDetail | undefined): Values {
  return {
    name: team?.name ?? '',
    level: team?.level ?? ('' as Values['level']),
    regionCode: team?.region.code ?? '',
    decreeNumber: team?.decreeNumber ?? '',
    decreeDate: team?.decreeDate ?? null,
    chairName: team?.chairName ?? '',
    chairTitle: team?.chairTitle ?? '',
    secretariatOfficeId: team?.secretariatOffice?.id ?? null,
    periodStart: team?.periodStart ?? null,
    periodEnd: team?.periodEnd ?? null,
  };
}

const DATE_FORMAT = 'D MMMM YYYY';

export function TeamForm({
  team,
  onSubmit,
  submitLabel,
  readOnly = false,
  onCancel,
}: {
  team?: TeamDetail;
  onSubmit: (values: TeamCreate) => Promise<unknown>;
  submitLabel: string;
  readOnly?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('teams');
  const { t: tc } = useTranslation();
  const levels = useCodeOptions('team-levels');
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, TeamCreate>({
    resolver: contractResolver(teamCreate),
    defaultValues: toValues(team),
  });
  const { errors, isSubmitting } = form.formState;
  const level = useWatch({ control: form.control, name: 'level' });
  const levelItem = levels.items.find((item) => item.code === level);
  const regionLevel = typeof levelItem?.regionLevel === 'number' ? (levelItem.regionLevel as AreaLevel) : undefined;

  const changeLevel = (next: string | null) => {
    form.setValue('level', (next ?? '') as Values['level'], { shouldDirty: true, shouldValidate: false });
    const item = levels.items.find((i) => i.code === next);
    const chairTitle = form.getValues('chairTitle');
    if (item && typeof item.defaultChairTitle === 'string' && !chairTitle) {
      form.setValue('chairTitle', item.defaultChairTitle, { shouldDirty: true });
    }
  };

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      await onSubmit(values);
      form.reset(toValuesFromInput(values));
    } catch (error) {
      const placed = applyServerErrors(error, form.setError, fields, {
        REGION_NOT_FOUND: 'regionCode',
        REGION_OUT_OF_SCOPE: 'regionCode',
        OFFICE_NOT_FOUND: 'secretariatOfficeId',
      });
      if (!placed) {
        setSubmitError(error);
      }
    }
  });

  const dateField = (name: 'decreeDate' | 'periodStart' | 'periodEnd', label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <DatePickerInput
          label={label}
          valueFormat={DATE_FORMAT}
          clearable
          value={field.value ?? null}
          onChange={(value) => field.onChange(value)}
          onBlur={field.onBlur}
          error={errors[name]?.message}
          data-testid={`team-${name}`}
          popoverProps={{ withinPortal: true }}
        />
      )}
    />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="team-form">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <TextInput
            label={t('fields.name')}
            description={t('fields.nameHint')}
            required
            error={errors.name?.message}
            data-testid="team-name"
            {...form.register('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Controller
              control={form.control}
              name="level"
              render={({ field }) => (
                <Select
                  label={t('fields.level')}
                  required
                  data={levels.options}
                  value={field.value || null}
                  onChange={changeLevel}
                  onBlur={field.onBlur}
                  error={errors.level?.message}
                  data-testid="team-level"
                />
              )}
            />
            <Controller
              control={form.control}
              name="regionCode"
              render={({ field }) => (
                <AreaPicker
                  label={level === 'pusat' ? t('fields.seat') : t('fields.region')}
                  description={level === 'pusat' ? t('fields.seatHint') : t('fields.regionHint')}
                  required
                  levels={regionLevel ? [regionLevel] : undefined}
                  value={field.value || null}
                  onChange={(code) => field.onChange(code ?? '')}
                  onBlur={field.onBlur}
                  error={errors.regionCode?.message}
                  disabled={readOnly || !level}
                  data-testid="team-region"
                />
              )}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('fields.decreeNumber')}
              error={errors.decreeNumber?.message}
              {...form.register('decreeNumber')}
            />
            {dateField('decreeDate', t('fields.decreeDate'))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('fields.chairName')}
              error={errors.chairName?.message}
              {...form.register('chairName')}
            />
            <TextInput
              label={t('fields.chairTitle')}
              error={errors.chairTitle?.message}
              {...form.register('chairTitle')}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="secretariatOfficeId"
            render={({ field }) => (
              <OfficeSelect
                label={t('fields.secretariat')}
                description={t('fields.secretariatHint')}
                clearable
                value={field.value ?? null}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                initialOption={
                  team?.secretariatOffice
                    ? { value: team.secretariatOffice.id, label: team.secretariatOffice.name }
                    : null
                }
                error={errors.secretariatOfficeId?.message}
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {dateField('periodStart', t('fields.periodStart'))}
            {dateField('periodEnd', t('fields.periodEnd'))}
          </SimpleGrid>
          <ErrorAlert error={submitError} />
          {!readOnly && (
            <Group justify="flex-end" gap="xs">
              {onCancel && (
                <Button variant="default" onClick={onCancel}>
                  {tc('actions.cancel')}
                </Button>
              )}
              <Button type="submit" loading={isSubmitting} data-testid="team-submit">
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

/** After saving, the form starts again from what was saved (nulls shown as empty fields). */
function toValuesFromInput(values: TeamCreate): Values {
  return {
    ...values,
    decreeNumber: values.decreeNumber ?? '',
    chairName: values.chairName ?? '',
    chairTitle: values.chairTitle ?? '',
  };
}
