// Sensitive changes to one's own second factor ask for the password again.
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { totpDisableRequest } from '../../../../contracts/auth';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { applyServerErrors } from '../../../lib/forms';

type Values = z.input<typeof totpDisableRequest>;

export function PasswordConfirmModal({
  opened,
  title,
  description,
  confirmLabel,
  color,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  color?: string;
  onConfirm: (password: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values>({ resolver: contractResolver(totpDisableRequest), defaultValues: { password: '' } });

  const close = () => {
    form.reset();
    setSubmitError(null);
    onClose();
  };

  const submit = form.handleSubmit(async ({ password }) => {
    setSubmitError(null);
    try {
      await onConfirm(password);
      form.reset();
    } catch (error) {
      if (!applyServerErrors(error, form.setError, ['password'], { WRONG_PASSWORD: 'password' })) {
        setSubmitError(error);
      }
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>{title}</Text>} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{description}</Text>
          <PasswordInput
            label={t('confirmPassword')}
            autoComplete="current-password"
            data-autofocus
            error={form.formState.errors.password?.message}
            data-testid="confirm-password"
            {...form.register('password')}
          />
          <ErrorAlert error={submitError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button
              type="submit"
              color={color}
              loading={form.formState.isSubmitting}
              data-testid="confirm-password-submit"
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
