// Sign-in: email and password, then — for accounts with two-step sign-in — the 6-digit code or a recovery code.
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { loginRequest } from '../../../../contracts/auth';
import { CodeInput } from '../../../components/account/code-input';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { contractResolver } from '../../../lib/contract-resolver';
import { takeSessionEnded } from '../../../lib/session-notice';
import { useLogin } from '../api/use-login';
import { AuthFrame } from '../components/auth-frame';

const credentialsSchema = loginRequest.pick({ email: true, password: true });
const totpSchema = loginRequest.pick({ totp: true }).required();
const recoverySchema = loginRequest.pick({ recoveryCode: true }).required();

type Credentials = z.output<typeof credentialsSchema>;

function CredentialsStep({ onNeedsCode }: { onNeedsCode: (credentials: Credentials) => void }) {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const form = useForm<z.input<typeof credentialsSchema>, unknown, Credentials>({
    resolver: contractResolver(credentialsSchema),
    defaultValues: { email: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (credentials) => {
    try {
      await login.mutateAsync(credentials);
    } catch (error) {
      if (isApiError(error, 'TOTP_REQUIRED')) {
        onNeedsCode(credentials);
      } else if (isApiError(error, 'INVALID_CREDENTIALS')) {
        form.resetField('password');
        form.setFocus('password');
      }
    }
  });

  const error = login.error && !isApiError(login.error, 'TOTP_REQUIRED') ? login.error : null;
  return (
    <form onSubmit={submit} noValidate aria-label={t('signIn.title')}>
      <Stack gap="md">
        <TextInput
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
          required
          error={errors.email?.message}
          data-testid="sign-in-email"
          {...form.register('email')}
        />
        <PasswordInput
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          error={errors.password?.message}
          data-testid="sign-in-password"
          {...form.register('password')}
        />
        <ErrorAlert error={error} testId="sign-in-error" />
        <Button type="submit" size="md" loading={isSubmitting} data-testid="sign-in-submit">
          {t('signIn.submit')}
        </Button>
        <Text size="xs" c="dimmed" ta="center">
          {t('signIn.forgot')}
        </Text>
        <Anchor
          component={Link}
          to="/accommodation-registration"
          size="sm"
          ta="center"
          data-testid="register-accommodation"
        >
          {t('signIn.registerAccommodation')}
        </Anchor>
      </Stack>
    </form>
  );
}

function CodeStep({ credentials, onBack }: { credentials: Credentials; onBack: () => void }) {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const [useRecovery, setUseRecovery] = useState(false);
  const codeForm = useForm<z.input<typeof totpSchema>>({
    resolver: contractResolver(totpSchema, { totp: t('signIn.codeFormat') }),
    defaultValues: { totp: '' },
  });
  const recoveryForm = useForm<z.input<typeof recoverySchema>>({
    resolver: contractResolver(recoverySchema, { recoveryCode: t('signIn.recoveryFormat') }),
    defaultValues: { recoveryCode: '' },
  });

  const handleError = (error: unknown, clear: () => void) => {
    if (isApiError(error, 'INVALID_CREDENTIALS')) {
      onBack();
    }
    clear();
  };

  const submitCode = codeForm.handleSubmit(async ({ totp }) => {
    try {
      await login.mutateAsync({ ...credentials, totp });
    } catch (error) {
      handleError(error, () => {
        codeForm.resetField('totp');
        codeForm.setFocus('totp');
      });
    }
  });
  const submitRecovery = recoveryForm.handleSubmit(async ({ recoveryCode }) => {
    try {
      await login.mutateAsync({ ...credentials, recoveryCode: recoveryCode.trim() });
    } catch (error) {
      handleError(error, () => recoveryForm.setFocus('recoveryCode'));
    }
  });

  const toggle = () => {
    login.reset();
    setUseRecovery((value) => !value);
  };

  return (
    <Stack gap="md">
      <div>
        <Text fw={600}>{t('signIn.codeTitle')}</Text>
        <Text size="sm" c="dimmed">
          {useRecovery ? t('signIn.recoveryHint') : t('signIn.codeHint')}
        </Text>
      </div>
      {useRecovery ? (
        <form onSubmit={submitRecovery} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('signIn.recoveryCode')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              error={recoveryForm.formState.errors.recoveryCode?.message}
              data-testid="sign-in-recovery-code"
              {...recoveryForm.register('recoveryCode')}
            />
            <ErrorAlert error={login.error} testId="sign-in-error" />
            <Button type="submit" size="md" loading={recoveryForm.formState.isSubmitting} data-testid="sign-in-submit">
              {t('signIn.verify')}
            </Button>
          </Stack>
        </form>
      ) : (
        <form onSubmit={submitCode} noValidate>
          <Stack gap="md">
            <CodeInput
              label={t('signIn.code')}
              autoFocus
              error={codeForm.formState.errors.totp?.message}
              data-testid="sign-in-code"
              {...codeForm.register('totp')}
            />
            <ErrorAlert error={login.error} testId="sign-in-error" />
            <Button type="submit" size="md" loading={codeForm.formState.isSubmitting} data-testid="sign-in-submit">
              {t('signIn.verify')}
            </Button>
          </Stack>
        </form>
      )}
      <Stack gap={6} align="center">
        <Anchor component="button" type="button" size="sm" onClick={toggle} data-testid="sign-in-toggle-recovery">
          {useRecovery ? t('signIn.useCode') : t('signIn.useRecovery')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onBack}>
          <IconArrowLeft size={12} /> {t('signIn.back')}
        </Anchor>
      </Stack>
    </Stack>
  );
}

export function SignInPage() {
  const { t } = useTranslation('auth');
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [sessionEnded] = useState(takeSessionEnded);
  return (
    <AuthFrame title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      {sessionEnded && !credentials && (
        <Alert color="yellow" variant="light" mb="md" data-testid="session-ended">
          {t('signIn.sessionEnded')}
        </Alert>
      )}
      {credentials ? (
        <CodeStep credentials={credentials} onBack={() => setCredentials(null)} />
      ) : (
        <CredentialsStep onNeedsCode={setCredentials} />
      )}
    </AuthFrame>
  );
}
