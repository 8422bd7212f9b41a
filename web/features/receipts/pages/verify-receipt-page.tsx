// The public verification page (/verifikasi/:number, where a receipt's QR code leads): valid or not, when, which
// property and which kind of report — nothing about the guests. A form takes a typed number; the check character
// catches a typo before asking the server.
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { parseReceiptNumber } from '../../../../contracts/receipts';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { PublicFrame } from '../../../components/public-frame';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, type Zone } from '../../../lib/format';
import { isLocale } from '../../../lib/i18n';
import { useReceiptVerification } from '../api/use-receipt-verification';

const zones: Record<'WIB' | 'WITA' | 'WIT', Zone> = {
  WIB: { timeZone: 'Asia/Jakarta', abbr: 'WIB', offset: '+07:00' },
  WITA: { timeZone: 'Asia/Makassar', abbr: 'WITA', offset: '+08:00' },
  WIT: { timeZone: 'Asia/Jayapura', abbr: 'WIT', offset: '+09:00' },
};

function Result({ number }: { number: string }) {
  const { t, i18n } = useTranslation('receipts');
  const locale = isLocale(i18n.language) ? i18n.language : 'id';
  const check = useReceiptVerification(number);
  if (check.isPending) {
    return <PageLoader />;
  }
  if (check.error) {
    if (isApiError(check.error, 'RECEIPT_NOT_FOUND')) {
      return (
        <Alert color="gray" icon={<IconCircleX />} title={t('verify.notFoundTitle')} data-testid="receipt-not-found">
          {t('verify.notFound', { number })}
        </Alert>
      );
    }
    return <ErrorAlert error={check.error} />;
  }
  const r = check.data;
  if (!r.valid) {
    return (
      <Alert color="red" icon={<IconCircleX />} title={t('verify.invalidTitle')} data-testid="receipt-invalid">
        {t('verify.invalid', { number: r.number })}
      </Alert>
    );
  }
  const zone = zones[r.zone ?? 'WIB'];
  return (
    <Paper withBorder p="md" radius="md" data-testid="receipt-valid">
      <Stack gap="sm">
        <Group gap="xs" c="teal.8">
          <IconCircleCheck />
          <Text fw={700} fz="lg">
            {t('verify.validTitle')}
          </Text>
        </Group>
        <Text size="sm">{t('verify.valid')}</Text>
        {(
          [
            [t('fields.number'), r.number],
            [t('fields.property'), r.propertyName],
            [t('fields.kind'), r.reportKind ? t(`kind.${r.reportKind}`) : ''],
            [t('fields.reportedAt'), formatDateTime(r.reportedAt, locale, zone)],
            [t('fields.issuedAt'), formatDateTime(r.issuedAt, locale, zone)],
          ] as const
        ).map(([label, value]) => (
          <Text size="sm" key={label}>
            <Text span c="dimmed" size="xs" display="block">
              {label}
            </Text>
            <Text span fw={500}>
              {value}
            </Text>
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t('verify.privacy')}
        </Text>
      </Stack>
    </Paper>
  );
}

export function VerifyReceiptPage() {
  const { t } = useTranslation('receipts');
  const params = useParams();
  const navigate = useNavigate();
  const current = params.number ? parseReceiptNumber(params.number) : null;
  const [typed, setTyped] = useState(params.number ?? '');
  const [typo, setTypo] = useState(params.number !== undefined && current === null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = parseReceiptNumber(typed);
    setTypo(number === null);
    if (number) {
      setTyped(number);
      void navigate(`/verifikasi/${number}`);
    }
  };

  return (
    <PublicFrame width={520} title={t('verify.title')}>
      <Text c="dimmed">{t('verify.intro')}</Text>
      <form onSubmit={submit}>
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            flex={1}
            label={t('fields.number')}
            placeholder="STT-2026-XXXX-XXXX-XXXX"
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              setTypo(false);
            }}
            error={typo ? t('verify.typo') : undefined}
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            data-testid="receipt-number-input"
          />
          <Button type="submit" mt={25} leftSection={<IconSearch size={16} />} data-testid="receipt-verify-submit">
            {t('verify.submit')}
          </Button>
        </Group>
      </form>
      {current && <Result number={current} />}
    </PublicFrame>
  );
}
