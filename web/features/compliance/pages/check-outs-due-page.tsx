// The operator's "perlu check-out": their guests past the expected check-out without a check-out report, with the
// check-out or a longer stay at one tap each.
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnOverdueStay } from '../../../../contracts/compliance';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useFormat } from '../../../lib/use-format';
import { useOwnOverdueStays } from '../api/use-compliance';
import { useReportCheckOut } from '../api/use-report-check-out';

/** The value of a datetime-local input for an instant, in this browser's clock. */
const localInputValue = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function OverdueRow({ stay }: { stay: OwnOverdueStay }) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  const report = useReportCheckOut();
  const [mode, setMode] = useState<'none' | 'check-out' | 'extension'>('none');
  const [checkedOutAt, setCheckedOutAt] = useState(localInputValue(new Date()));
  const [until, setUntil] = useState('');
  const done = () => notifications.show({ color: 'green', message: t('own.done') });

  return (
    <Paper withBorder p="sm" radius="md" data-testid="check-out-due">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          {/* a long name wraps rather than cutting the badge short on a phone */}
          <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {stay.guestName}
          </Text>
          <Badge color={stay.escalatedAt ? 'red' : 'orange'} style={{ flexShrink: 0 }}>
            {t('own.overdueBy', { count: stay.daysOverdue })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {stay.accommodationName} · {stay.nationality}
          {stay.room ? ` · ${t('fields.room')} ${stay.room}` : ''}
        </Text>
        <Text size="sm">
          {format.dateTime(stay.arrivedAt)} → {format.date(stay.expectedCheckOut)}
        </Text>
        {mode === 'check-out' && (
          <Group gap="xs" align="end">
            <TextInput
              type="datetime-local"
              label={t('own.checkedOutAt')}
              value={checkedOutAt}
              onChange={(e) => setCheckedOutAt(e.currentTarget.value)}
            />
            <Button
              loading={report.isPending}
              onClick={() =>
                report.mutate(
                  { kind: 'check-out', stayId: stay.stayId, checkedOutAt: new Date(checkedOutAt).toISOString() },
                  { onSuccess: done },
                )
              }
            >
              {t('own.checkOut')}
            </Button>
            <Button variant="subtle" onClick={() => setMode('none')}>
              {t('own.cancel')}
            </Button>
          </Group>
        )}
        {mode === 'extension' && (
          <Group gap="xs" align="end">
            <TextInput
              type="date"
              label={t('own.newCheckOut')}
              value={until}
              onChange={(e) => setUntil(e.currentTarget.value)}
            />
            <Button
              loading={report.isPending}
              disabled={!until}
              onClick={() =>
                report.mutate({ kind: 'extension', stayId: stay.stayId, expectedCheckOut: until }, { onSuccess: done })
              }
            >
              {t('own.save')}
            </Button>
            <Button variant="subtle" onClick={() => setMode('none')}>
              {t('own.cancel')}
            </Button>
          </Group>
        )}
        {mode === 'none' && (
          <Group gap="xs">
            <Button size="xs" onClick={() => setMode('check-out')} data-testid="check-out-due-check-out">
              {t('own.checkOut')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setMode('extension')}>
              {t('own.extend')}
            </Button>
          </Group>
        )}
        {report.error ? <ErrorAlert error={report.error} /> : null}
      </Stack>
    </Paper>
  );
}

export function CheckOutsDuePage() {
  const { t } = useTranslation('compliance');
  const overdue = useOwnOverdueStays();
  return (
    <>
      <PageHeader title={t('own.title')} description={t('own.description')} />
      {overdue.isPending ? (
        <PageLoader />
      ) : overdue.error ? (
        <ErrorAlert error={overdue.error} />
      ) : overdue.data.items.length === 0 ? (
        <Text c="dimmed">{t('own.empty')}</Text>
      ) : (
        <Stack gap="sm" data-testid="check-outs-due">
          {overdue.data.items.map((stay) => (
            <OverdueRow key={stay.stayId} stay={stay} />
          ))}
        </Stack>
      )}
    </>
  );
}
