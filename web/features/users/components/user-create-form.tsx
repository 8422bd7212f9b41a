// A new account: email, name, agency and roles. The server answers with a one-time password.
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type UserCreate, userCreate } from '../../../../contracts/users';
import { AgencySelect } from '../../../components/agency-select';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';
import { RoleCheckboxes } from './role-checkboxes';

type Values = z.input<typeof userCreate>;

export function UserCreateForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (values: UserCreate) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, UserCreate>({
    resolver: contractResolver(userCreate, { agencyId: t('fields.agencyRequired'), roles: t('fields.rolesRequired') }),
    defaultValues: { email: '', name: '', agencyId: '', roles: [] },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      const placed = applyServerErrors(error, form.setError, ['email', 'name', 'agencyId', 'roles'], {
        EMAIL_TAKEN: 'email',
        ROLE_NOT_GRANTABLE: 'roles',
        INVALID_REFERENCE: 'agencyId',
        AGENCY_NOT_FOUND: 'agencyId',
      });
      if (!placed) {
        setSubmitError(error);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="user-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('fields.name')}
            required
            error={errors.name?.message}
            data-testid="user-name"
            {...form.register('name')}
          />
          <TextInput
            label={t('fields.email')}
            type="email"
            inputMode="email"
            autoComplete="off"
            required
            error={errors.email?.message}
            data-testid="user-email"
            {...form.register('email')}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="agencyId"
          render={({ field }) => (
            <AgencySelect
              label={t('fields.agency')}
              required
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? '')}
              onBlur={field.onBlur}
              error={errors.agencyId?.message}
              data-testid="user-agency"
            />
          )}
        />
        <Controller
          control={form.control}
          name="roles"
          render={({ field }) => (
            <RoleCheckboxes value={field.value} onChange={field.onChange} error={errors.roles?.message} />
          )}
        />
        <ErrorAlert error={submitError} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting} data-testid="user-submit">
            {t('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
