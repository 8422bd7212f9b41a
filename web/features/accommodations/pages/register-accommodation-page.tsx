// The public self-registration of an accommodation, for an owner on a phone: one column, the keyboards that fit each
// field, no map library. Answered "pending" whatever the e-mail (the office learns of a clash, not the public).
import {
  Alert,
  Anchor,
  Button,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { type AccommodationRegistration, accommodationRegistration } from '../../../../contracts/accommodations';
import { AreaPicker } from '../../../components/area-picker';
import { ErrorAlert } from '../../../components/error-alert';
import { PublicFrame } from '../../../components/public-frame';
import { useCodeOptions } from '../../../lib/api/use-code-table';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';
import { useRegisterAccommodation } from '../api/use-register-accommodation';
import { PinInputs } from '../components/pin-inputs';

type Values = z.input<typeof accommodationRegistration>;
const fields = [
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
  'accountEmail',
  'accountPassword',
] as const;

const empty: Values = {
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
  accountEmail: '',
  accountPassword: '',
};

function Section({ title, children }: { title: string; children: ReactNode }) {
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

export function RegisterAccommodationPage() {
  const { t } = useTranslation('accommodations');
  const { t: tc } = useTranslation();
  const kinds = useCodeOptions('accommodation-kinds');
  const register = useRegisterAccommodation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, AccommodationRegistration>({
    resolver: contractResolver(accommodationRegistration, {
      nib: t('fields.nibInvalid'),
      phone: tc('fields.phoneInvalid'),
      picPhone: tc('fields.phoneInvalid'),
      email: tc('validation.email'),
      accountEmail: tc('validation.email'),
    }),
    defaultValues: empty,
  });
  const { errors, isSubmitting } = form.formState;
  const longitude = useWatch({ control: form.control, name: 'longitude' });

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      await register.mutateAsync(values);
      window.scrollTo({ top: 0 });
    } catch (error) {
      const placed = applyServerErrors(error, form.setError, fields, {
        INVALID_REFERENCE: 'villageCode',
        ACCOMMODATION_DUPLICATE: 'nib',
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
      <form onSubmit={submit} noValidate data-testid="registration-form">
        <Stack gap="md">
          <Section title={t('register.sectionProperty')}>
            <TextInput
              label={t('fields.name')}
              required
              size="md"
              error={errors.name?.message}
              data-testid="registration-name"
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
                  data-testid="registration-kind"
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
              data-testid="registration-nib"
              {...form.register('nib')}
            />
          </Section>

          <Section title={t('register.sectionPlace')}>
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
                  data-testid="registration-village"
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
              data-testid="registration-address"
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
                />
              )}
            />
          </Section>

          <Section title={t('register.sectionContact')}>
            <TextInput
              label={t('fields.phone')}
              required
              size="md"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              error={errors.phone?.message}
              data-testid="registration-phone"
              {...form.register('phone')}
            />
            <TextInput
              label={t('fields.email')}
              required
              size="md"
              type="email"
              inputMode="email"
              error={errors.email?.message}
              data-testid="registration-email"
              {...form.register('email')}
            />
            <TextInput
              label={t('fields.picName')}
              required
              size="md"
              autoComplete="name"
              error={errors.picName?.message}
              data-testid="registration-pic-name"
              {...form.register('picName')}
            />
            <TextInput
              label={t('fields.picPhone')}
              size="md"
              type="tel"
              inputMode="tel"
              error={errors.picPhone?.message}
              data-testid="registration-pic-phone"
              {...form.register('picPhone')}
            />
          </Section>

          <Section title={t('register.sectionAccount')}>
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
          </Section>

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
    </PublicFrame>
  );
}
