// The operator's own contact details: the only part of a property they change themselves.
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type AccommodationContactUpdate,
  accommodationContactUpdate,
  type OwnAccommodationItem,
} from '../../../../contracts/accommodations';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';
import { useUpdateOwnAccommodation } from '../api/use-update-own-accommodation';

type Values = z.input<typeof accommodationContactUpdate>;
const fields = ['phone', 'email', 'picName', 'picPhone'] as const;

export function ContactForm({ item, readOnly }: { item: OwnAccommodationItem; readOnly: boolean }) {
  const { t } = useTranslation('accommodations');
  const { t: tc } = useTranslation();
  const update = useUpdateOwnAccommodation(item.id);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, AccommodationContactUpdate>({
    resolver: contractResolver(accommodationContactUpdate, {
      phone: tc('fields.phoneInvalid'),
      picPhone: tc('fields.phoneInvalid'),
      email: tc('validation.email'),
    }),
    defaultValues: { phone: item.phone, email: item.email, picName: item.picName, picPhone: item.picPhone ?? '' },
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      await update.mutateAsync(values);
      form.reset(values);
      notifications.show({ color: 'green', message: tc('notify.saved') });
    } catch (error) {
      if (!applyServerErrors(error, form.setError, fields)) {
        setSubmitError(error);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="accommodation-contact-form">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.phone')}
              type="tel"
              inputMode="tel"
              required
              error={errors.phone?.message}
              {...form.register('phone')}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              inputMode="email"
              required
              error={errors.email?.message}
              {...form.register('email')}
            />
            <TextInput
              label={t('fields.picName')}
              required
              error={errors.picName?.message}
              data-testid="accommodation-pic-name"
              {...form.register('picName')}
            />
            <TextInput
              label={t('fields.picPhone')}
              type="tel"
              inputMode="tel"
              error={errors.picPhone?.message}
              {...form.register('picPhone')}
            />
          </SimpleGrid>
          <ErrorAlert error={submitError} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={isSubmitting} disabled={!isDirty} data-testid="accommodation-contact-save">
                {tc('actions.saveChanges')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
