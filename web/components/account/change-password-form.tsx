// Changing one's own password (first sign-in and profile): the contract's schema plus a repeat of the new password.
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { changePasswordRequest } from '../../../contracts/auth';
import { useChangePassword } from '../../lib/api/use-change-password';
import { contractResolver } from '../../lib/contract-resolver';
import { applyServerErrors } from '../../lib/forms';
import { ErrorAlert } from '../error-alert';
import { PasswordPolicy } from './password-policy';

const MIN_LENGTH = 12;

function formSchema(mismatch: string, tooShort: string) {
  return changePasswordRequest
    .extend({
      newPassword: changePasswordRequest.shape.newPassword.min(MIN_LENGTH, tooShort),
      repeatPassword: z.string(),
    })
    .refine((v) => v.newPassword === v.repeatPassword, { path: ['repeatPassword'], message: mismatch });
}
type FormValues = z.input<ReturnType<typeof formSchema>>;

export function ChangePasswordForm({
  onChanged,
  currentLabel,
  submitLabel,
}: {
  onChanged: () => void;
  currentLabel?: string;
  submitLabel?: string;
}) {
  const { t } = useTranslation('auth');
  const change = useChangePassword();
  const schema = formSchema(t('changePassword.mismatch'), t('policy.length'));
  const form = useForm<FormValues, unknown, z.output<ReturnType<typeof formSchema>>>({
    resolver: contractResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.reset();
      onChanged();
    } catch (error) {
      applyServerErrors(error, form.setError, ['currentPassword', 'newPassword'], {
        WRONG_PASSWORD: 'currentPassword',
        PASSWORD_TOO_SHORT: 'newPassword',
        PASSWORD_TOO_COMMON: 'newPassword',
        PASSWORD_SAME_AS_OLD: 'newPassword',
        PASSWORD_CONTAINS_EMAIL: 'newPassword',
      });
    }
  });

  const fieldError = (name: keyof FormValues) => errors[name]?.message;
  const placed = Boolean(errors.currentPassword || errors.newPassword || errors.repeatPassword);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordPolicy />
        <PasswordInput
          label={currentLabel ?? t('changePassword.current')}
          autoComplete="current-password"
          required
          error={fieldError('currentPassword')}
          data-testid="current-password"
          {...form.register('currentPassword')}
        />
        <PasswordInput
          label={t('changePassword.new')}
          autoComplete="new-password"
          required
          error={fieldError('newPassword')}
          data-testid="new-password"
          {...form.register('newPassword')}
        />
        <PasswordInput
          label={t('changePassword.repeat')}
          autoComplete="new-password"
          required
          error={fieldError('repeatPassword')}
          data-testid="repeat-password"
          {...form.register('repeatPassword')}
        />
        {!placed && <ErrorAlert error={change.error} />}
        <Button type="submit" loading={isSubmitting} data-testid="change-password-submit">
          {submitLabel ?? t('changePassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}
