// "Daftarkan penginapan lain": an operator of a verified property registers another one — the public registration's
// fields without the account part. It is linked to their account at once and waits for the office's verification.
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type AccommodationProperty, accommodationProperty } from '../../../../contracts/accommodations';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';
import { useRegisterAnotherAccommodation } from '../api/use-register-another-accommodation';
import {
  emptyProperty,
  PropertyFields,
  type PropertyValues,
  propertyErrorFields,
  propertyFieldNames,
  propertyMessages,
} from './property-fields';

export function AnotherPropertyForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('accommodations');
  const { t: tc } = useTranslation();
  const register = useRegisterAnotherAccommodation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<PropertyValues, unknown, AccommodationProperty>({
    resolver: contractResolver(accommodationProperty, propertyMessages(t, tc)),
    defaultValues: emptyProperty,
  });
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      await register.mutateAsync(values);
      notifications.show({ color: 'green', message: t('mine.anotherDone') });
      onDone();
    } catch (error) {
      if (!applyServerErrors(error, form.setError, propertyFieldNames, propertyErrorFields)) {
        setSubmitError(error);
      }
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate data-testid="another-property-form">
        <Stack gap="md">
          <Text size="sm">{t('mine.anotherIntro')}</Text>
          <PropertyFields testIdPrefix="another-property" />
          <ErrorAlert error={submitError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onDone}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} data-testid="another-property-submit">
              {t('register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
