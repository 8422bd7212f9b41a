// "Verifikasi rantai": recomputes every row's hash and names the first row that was changed, removed or inserted.
import { Alert, Button, Stack } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormat } from '../../../lib/use-format';
import type { useVerifyAudit } from '../api/use-verify-audit';

export function VerifyChainButton({ verify }: { verify: ReturnType<typeof useVerifyAudit> }) {
  const { t } = useTranslation('audit');
  return (
    <Button
      variant="light"
      leftSection={<IconShieldCheck size={16} />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
      data-testid="audit-verify"
    >
      {t('verify.button')}
    </Button>
  );
}

export function VerifyChainResult({ verify }: { verify: ReturnType<typeof useVerifyAudit> }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const result = verify.data;
  if (verify.error) {
    return <ErrorAlert error={verify.error} />;
  }
  if (!result) {
    return null;
  }
  return (
    <Stack gap={0} data-testid="audit-verify-result">
      {result.ok ? (
        <Alert color="green" icon={<IconShieldCheck size={18} />} title={t('verify.okTitle')}>
          {t('verify.okText', { rows: format.number(result.rows), lastSeq: format.number(result.lastSeq) })}
        </Alert>
      ) : (
        <Alert color="red" icon={<IconShieldX size={18} />} title={t('verify.badTitle')}>
          {t('verify.badText', {
            seq: format.number(result.firstBadSeq),
            problem: t(`verify.problem.${result.problem}`),
            rows: format.number(result.rows),
          })}
        </Alert>
      )}
    </Stack>
  );
}
