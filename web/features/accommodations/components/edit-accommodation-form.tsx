// The office's edit of a property in its working area: every registered field, validated like a registration; only
// what changed is sent (the API audits each change with its old value).
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type AccommodationDetail,
  type AccommodationProperty,
  accommodationProperty,
  type accommodationUpdate,
} from '../../../../contracts/accommodations';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';
import { useUpdateAccommodation } from '../api/use-update-accommodation';
import {
  PropertyFields,
  type PropertyValues,
  propertyErrorFields,
  propertyFieldNames,
  propertyMessages,
} from './property-fields';

function currentValues(item: AccommodationDetail): AccommodationProperty {
  return {
    name: item.name,
    kind: item.kind,
    nib: item.nib,
    address: item.address,
    villageCode: item.village.code,
    latitude: item.latitude,
    longitude: item.longitude,
    phone: item.phone,
    email: item.email,
    picName: item.picName,
    picPhone: item.picPhone,
  };
}

/** The fields whose value differs from the property's; the map pin goes as a pair. */
function changedFields(values: AccommodationProperty, current: AccommodationProperty) {
  const changed = Object.entries(values).filter(
    ([key, value]) => value !== current[key as keyof AccommodationProperty],
  );
  const patch: Record<string, unknown> = Object.fromEntries(changed);
  if ('latitude' in patch || 'longitude' in patch) {
    patch.latitude = values.latitude;
    patch.longitude = values.longitude;
  }
  return patch as z.input<typeof accommodationUpdate>;
}

export function EditAccommodationForm({ item, onDone }: { item: AccommodationDetail; onDone: () => void }) {
  const { t } = useTranslation('accommodations');
  const { t: tc } = useTranslation();
  const update = useUpdateAccommodation(item.id);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const current = currentValues(item);
  const form = useForm<PropertyValues, unknown, AccommodationProperty>({
    resolver: contractResolver(accommodationProperty, propertyMessages(t, tc)),
    defaultValues: { ...current, picPhone: current.picPhone ?? '' },
  });
  const { isSubmitting, isDirty } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    const patch = changedFields(values, current);
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    try {
      await update.mutateAsync(patch);
      notifications.show({ color: 'green', message: t('detail.edited') });
      onDone();
    } catch (error) {
      if (!applyServerErrors(error, form.setError, propertyFieldNames, propertyErrorFields)) {
        setSubmitError(error);
      }
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate data-testid="accommodation-edit-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('detail.editHint')}
          </Text>
          <PropertyFields testIdPrefix="accommodation-edit" />
          <ErrorAlert error={submitError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onDone}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} disabled={!isDirty} data-testid="accommodation-edit-save">
              {tc('actions.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
