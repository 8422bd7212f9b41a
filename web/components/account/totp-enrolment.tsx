// Switching on two-step sign-in: scan the QR code (or type the secret), confirm with a code, keep the recovery codes.
import { Alert, Button, Code, CopyButton, Group, Image, List, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { totpConfirmRequest } from '../../../contracts/auth';
import { useConfirmTotp } from '../../lib/api/use-confirm-totp';
import { useStartTotpEnrolment } from '../../lib/api/use-start-totp-enrolment';
import { contractResolver } from '../../lib/contract-resolver';
import { applyServerErrors } from '../../lib/forms';
import { ErrorAlert } from '../error-alert';
import { CodeInput } from './code-input';
import { RecoveryCodes } from './recovery-codes';

type FormValues = z.input<typeof totpConfirmRequest>;

/** Groups the base32 secret in fours so it can be read out and typed. */
function groupSecret(secret: string) {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function TotpEnrolment({
  email,
  onDone,
  onConfirmed,
}: {
  email: string;
  onDone: () => void;
  /** called as soon as the code is accepted, before the person has kept the recovery codes. */
  onConfirmed?: () => void;
}) {
  const { t } = useTranslation('auth');
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotp();
  const [codes, setCodes] = useState<string[] | null>(null);
  const started = useRef(false);
  const form = useForm<FormValues>({
    resolver: contractResolver(totpConfirmRequest, { code: t('signIn.codeFormat') }),
    defaultValues: { code: '' },
  });

  useEffect(() => {
    // One enrolment per visit of this screen (StrictMode mounts twice in development).
    if (!started.current) {
      started.current = true;
      start.mutate();
    }
  }, [start]);

  const submit = form.handleSubmit(async ({ code }) => {
    try {
      const result = await confirm.mutateAsync(code);
      onConfirmed?.();
      setCodes(result.recoveryCodes);
    } catch (error) {
      form.resetField('code');
      if (!applyServerErrors(error, form.setError, ['code'], { TOTP_INVALID: 'code' })) {
        form.setFocus('code');
      }
    }
  });

  if (codes) {
    return (
      <Stack gap="sm">
        <Alert color="green" variant="light" icon={<IconCheck size={18} />} title={t('totp.enabledTitle')}>
          {t('totp.enabledText')}
        </Alert>
        <Text fw={600}>{t('recovery.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('recovery.explain')}
        </Text>
        <RecoveryCodes codes={codes} email={email} />
        <Button onClick={onDone} data-testid="totp-done">
          {t('recovery.saved')}
        </Button>
      </Stack>
    );
  }

  const enrolment = start.data;
  return (
    <Stack gap="sm">
      <List type="ordered" size="sm" spacing={4}>
        <List.Item>{t('totp.step1')}</List.Item>
        <List.Item>{t('totp.step2')}</List.Item>
        <List.Item>{t('totp.step3')}</List.Item>
      </List>
      <ErrorAlert error={start.error} />
      {start.isError && (
        <Button variant="light" onClick={() => start.mutate()}>
          {t('totp.restart')}
        </Button>
      )}
      {enrolment && (
        <Paper withBorder p="md" radius="md">
          <Stack align="center" gap="xs">
            <Image
              src={enrolment.qrDataUrl}
              alt={t('totp.qrAlt')}
              w={200}
              h={200}
              fit="contain"
              data-testid="totp-qr"
            />
            <Text size="sm" c="dimmed" ta="center">
              {t('totp.manual')}
            </Text>
            <Group gap={6} wrap="nowrap" justify="center">
              <Code fz="sm" data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
                {groupSecret(enrolment.secret)}
              </Code>
              <CopyButton value={enrolment.secret}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={copy}
                    leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  >
                    {copied ? t('recovery.copied') : t('totp.copySecret')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Paper>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <CodeInput
            label={t('totp.codeLabel')}
            description={t('totp.codeHint')}
            error={form.formState.errors.code?.message}
            disabled={!enrolment}
            data-testid="totp-code"
            {...form.register('code')}
          />
          {!form.formState.errors.code && confirm.error && <ErrorAlert error={confirm.error} />}
          <Button type="submit" loading={form.formState.isSubmitting} disabled={!enrolment} data-testid="totp-confirm">
            {t('totp.confirm')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
