// Adding a member agency to a team, or changing its role and liaison officer (the agency itself stays).
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type TeamMemberCreate, type TeamMemberItem, teamMemberCreate } from '../../../../contracts/orgs';
import { AgencySelect } from '../../../components/agency-select';
import { ErrorAlert } from '../../../components/error-alert';
import { useCodeOptions } from '../../../lib/api/use-code-table';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';

type Values = z.input<typeof teamMemberCreate>;
const fields = ['agencyId', 'role', 'liaisonName', 'liaisonPhone', 'liaisonEmail'] as const;

export function MemberForm({
  member,
  onSubmit,
  onCancel,
}: {
  member?: TeamMemberItem;
  onSubmit: (values: TeamMemberCreate) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('teams');
  const { t: tc } = useTranslation();
  const roles = useCodeOptions('team-member-roles');
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, TeamMemberCreate>({
    resolver: contractResolver(teamMemberCreate, {
      agencyId: t('members.agencyRequired'),
      liaisonEmail: tc('validation.email'),
      liaisonPhone: tc('fields.phoneInvalid'),
    }),
    defaultValues: {
      agencyId: member?.agency.id ?? '',
      role: member?.role ?? 'anggota',
      liaisonName: member?.liaisonName ?? '',
      liaisonPhone: member?.liaisonPhone ?? '',
      liaisonEmail: member?.liaisonEmail ?? '',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      const placed = applyServerErrors(error, form.setError, fields, {
        TEAM_MEMBER_EXISTS: 'agencyId',
        AGENCY_NOT_FOUND: 'agencyId',
        ARCHIVED: 'agencyId',
      });
      if (!placed) {
        setSubmitError(error);
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="member-form">
      <Stack gap="md">
        <Controller
          control={form.control}
          name="agencyId"
          render={({ field }) => (
            <AgencySelect
              label={t('members.agency')}
              required
              disabled={Boolean(member)}
              value={field.value || null}
              onChange={(value) => field.onChange(value ?? '')}
              onBlur={field.onBlur}
              initialOption={member ? { value: member.agency.id, label: member.agency.name } : null}
              error={errors.agencyId?.message}
              data-testid="member-agency"
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Select
              label={t('members.role')}
              required
              data={roles.options}
              value={field.value}
              onChange={(value) => value && field.onChange(value)}
              error={errors.role?.message}
              allowDeselect={false}
              data-testid="member-role"
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <TextInput
          label={t('members.liaisonName')}
          description={t('members.liaisonHint')}
          error={errors.liaisonName?.message}
          data-testid="member-liaison-name"
          {...form.register('liaisonName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('members.liaisonPhone')}
            type="tel"
            inputMode="tel"
            error={errors.liaisonPhone?.message}
            {...form.register('liaisonPhone')}
          />
          <TextInput
            label={t('members.liaisonEmail')}
            type="email"
            inputMode="email"
            error={errors.liaisonEmail?.message}
            {...form.register('liaisonEmail')}
          />
        </SimpleGrid>
        <ErrorAlert error={submitError} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting} data-testid="member-submit">
            {member ? tc('actions.save') : t('members.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
