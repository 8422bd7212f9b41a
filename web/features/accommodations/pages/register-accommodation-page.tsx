// The public self-registration of an accommodation, for an owner on a phone: one column, the keyboards that fit each
// field, no map library. Answered "pending" whatever the e-mail (the office learns of a clash, not the public).
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { type AccommodationRegistration, accommodationRegistration } from '../../../../contracts/accommodations';
import { ErrorAlert } from '../../../components/error-alert';
import { PublicFrame } from '../../../components/public-frame';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';
import { useRegisterAccommodation } from '../api/use-register-accommodation';
import {
  emptyProperty,
  FormSection,
  PropertyFields,
  propertyErrorFields,
  propertyFieldNames,
  propertyMessages,
} from '../components/property-fields';

type Values = z.input<typeof accommodationRegistration>;
const fields = [...propertyFieldNames, 'accountEmail', 'accountPassword'] as const;
const empty: Values = { ...emptyProperty, accountEmail: '', accountPassword: '' };

export function RegisterAccommodationPage() {
  const { t } = useTranslation('accommodations');
  const { t: tc } = useTranslation();
  const register = useRegisterAccommodation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, AccommodationRegistration>({
    resolver: contractResolver(accommodationRegistration, {
      ...propertyMessages(t, tc),
      accountEmail: tc('validation.email'),
    }),
    defaultValues: empty,
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      await register.mutateAsync(values);
      window.scrollTo({ top: 0 });
    } catch (error) {
      const placed = applyServerErrors(error, form.setError, fields, {
        ...propertyErrorFields,
        PASSWORD_TOO_SHORT: 'accountPassword',
        PASSWORD_TOO_COMMON: 'accountPassword',
        PASSWORD_CONTAINS_EMAIL: 'accountPassword',
      });
      if (!placed) {
        setSubmitError(error);
      }
    }
  });

  if (register.isSuccess) {
    return (
      <PublicFrame title={t('register.doneTitle')}>
        <Paper withBorder p="lg" radius="md" data-testid="registration-done">
          <Stack gap="md" align="flex-start">
            <IconCircleCheck size={40} color="var(--mantine-color-green-6)" />
            <Text>{t('register.doneText')}</Text>
            <Button component={Link} to="/sign-in">
              {t('register.toSignIn')}
            </Button>
          </Stack>
        </Paper>
      </PublicFrame>
    );
  }

  return (
    <PublicFrame title={t('register.title')} subtitle={t('register.subtitle')}>
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate data-testid="registration-form">
          <Stack gap="md">
            <PropertyFields />

            <FormSection title={t('register.sectionAccount')}>
              <TextInput
                label={t('fields.accountEmail')}
                description={t('fields.accountEmailHint')}
                required
                size="md"
                type="email"
                inputMode="email"
                autoComplete="username"
                error={errors.accountEmail?.message}
                data-testid="registration-account-email"
                {...form.register('accountEmail')}
              />
              <PasswordInput
                label={t('fields.accountPassword')}
                description={t('fields.accountPasswordHint')}
                required
                size="md"
                autoComplete="new-password"
                error={errors.accountPassword?.message}
                data-testid="registration-account-password"
                {...form.register('accountPassword')}
              />
            </FormSection>

            {submitError ? <ErrorAlert error={submitError} testId="registration-error" /> : null}
            {Object.keys(errors).length > 0 && (
              <Alert color="red" variant="light">
                {tc('validation.invalid')}
              </Alert>
            )}
            <Button type="submit" size="md" loading={isSubmitting} data-testid="registration-submit">
              {t('register.submit')}
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm" ta="center">
              {t('register.haveAccount')}
            </Anchor>
          </Stack>
        </form>
      </FormProvider>
    </PublicFrame>
  );
}
