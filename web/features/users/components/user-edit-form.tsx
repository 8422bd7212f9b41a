// Changing an account: name, agency, roles and whether it may sign in (active / disabled).
import { Button, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type UserItem, userUpdate } from '../../../../contracts/users';
import { AgencySelect } from '../../../components/agency-select';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';
import { RoleCheckboxes } from './role-checkboxes';

const editSchema = userUpdate.required();
type Values = z.input<typeof editSchema>;
type Output = z.output<typeof editSchema>;

export function UserEditForm({
  user,
  readOnly,
  onSubmit,
}: {
  user: UserItem;
  readOnly: boolean;
  onSubmit: (values: Output) => Promise<unknown>;
}) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, Output>({
    resolver: contractResolver(editSchema, { agencyId: t('fields.agencyRequired'), roles: t('fields.rolesRequired') }),
    defaultValues: {
      name: user.name,
      agencyId: user.agency.id,
      roles: user.roles,
      status: user.status === 'disabled' ? 'disabled' : 'active',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      const placed = applyServerErrors(error, form.setError, ['name', 'agencyId', 'roles', 'status'], {
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
    <form onSubmit={submit} noValidate data-testid="user-edit-form">
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <TextInput
            label={t('fields.name')}
            required
            error={errors.name?.message}
            data-testid="user-name"
            {...form.register('name')}
          />
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
                initialOption={{ value: user.agency.id, label: user.agency.name }}
                error={errors.agencyId?.message}
                disabled={readOnly}
                data-testid="user-agency"
              />
            )}
          />
          <Controller
            control={form.control}
            name="roles"
            render={({ field }) => (
              <RoleCheckboxes
                value={field.value}
                onChange={field.onChange}
                error={errors.roles?.message}
                disabled={readOnly}
              />
            )}
          />
          <Controller
            control={form.control}
            name="status"
            render={({ field }) => (
              <Switch
                label={t('fields.canSignIn')}
                description={t('fields.canSignInHint')}
                checked={field.value === 'active'}
                onChange={(event) => field.onChange(event.currentTarget.checked ? 'active' : 'disabled')}
                disabled={readOnly}
                data-testid="user-active"
              />
            )}
          />
          <ErrorAlert error={submitError} />
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={isSubmitting} data-testid="user-submit">
                {tc('actions.saveChanges')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
