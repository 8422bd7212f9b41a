// Roles as a list of checkboxes with what each role implies (some require two-step sign-in).
import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../contracts/common';
import { useCodeOptions } from '../../../lib/api/use-code-table';

export function RoleCheckboxes({
  value,
  onChange,
  error,
  disabled,
}: {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const { t } = useTranslation('users');
  const roles = useCodeOptions('roles');
  return (
    <Checkbox.Group
      label={t('fields.roles')}
      description={t('fields.rolesHint')}
      value={value}
      onChange={(next) => onChange(next as Role[])}
      error={error}
      withAsterisk
    >
      <Stack gap={6} mt="xs" data-testid="user-roles">
        {roles.items.map((role, index) => (
          <Checkbox
            key={role.code}
            value={role.code}
            disabled={disabled}
            label={roles.options[index]?.label ?? role.code}
            description={role.requiresTotp ? t('fields.requiresTotp') : undefined}
            data-testid={`role-${role.code}`}
          />
        ))}
        {roles.isPending && (
          <Text size="sm" c="dimmed">
            …
          </Text>
        )}
      </Stack>
    </Checkbox.Group>
  );
}
