// One accommodation's compliance for the office: its numbers, reports per month, guests past their expected
// check-out (no identity details), reminders sent, and "Kirim pengingat" (once an hour per property).
import { Alert, Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { can } from '../../../lib/permissions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useFormat } from '../../../lib/use-format';
import { useComplianceProperty } from '../api/use-compliance';
import { useSendReminder } from '../api/use-send-reminder';
import { StageBadge } from '../components/stage-badge';
import { monthLabel, percent } from './compliance-page';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {children}
      </Text>
    </Paper>
  );
}

export function CompliancePropertyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('compliance');
  const me = useSignedInUser();
  const format = useFormat();
  const property = useComplianceProperty(id);
  const remind = useSendReminder(id);
  const [confirming, setConfirming] = useState(false);

  if (property.isPending) {
    return <PageLoader />;
  }
  if (property.error) {
    return <ErrorAlert error={property.error} />;
  }
  const item = property.data;
  const maxMonth = Math.max(1, ...item.reportsPerMonth.map((m) => m.reports));
  const waiting = item.nextReminderAt !== null && new Date(item.nextReminderAt) > new Date();

  const send = async () => {
    const sent = await remind.mutateAsync();
    setConfirming(false);
    notifications.show({ color: 'green', message: t('detail.sent', { count: sent.recipientCount }) });
  };

  return (
    <>
      <PageHeader
        title={item.name}
        description={item.village.label}
        back={{ to: '/compliance', label: t('detail.back') }}
        actions={
          can(me, 'compliance.remind') ? (
            <Button
              leftSection={<IconBell size={16} />}
              onClick={() => setConfirming(true)}
              disabled={waiting}
              data-testid="send-reminder"
            >
              {t('detail.sendReminder')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {waiting && item.nextReminderAt && (
          <Alert color="blue">{t('detail.nextReminder', { at: format.dateTime(item.nextReminderAt) })}</Alert>
        )}
        {can(me, 'accommodations.read') && (
          <Anchor component={Link} to={`/accommodations/${item.id}`} size="sm">
            {t('detail.accommodationPage')}
          </Anchor>
        )}
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          <Figure label={t('fields.reports')}>{item.reports}</Figure>
          <Figure label={t('fields.checkIns')}>{item.checkIns}</Figure>
          <Figure label={t('fields.lateRate')}>
            {item.lateRate === null
              ? t('none')
              : t('lateRateValue', {
                  rate: percent(item.lateRate, format.locale),
                  late: item.lateCheckIns,
                  total: item.checkIns,
                })}
          </Figure>
          <Figure label={t('fields.missingCheckOuts')}>{item.missingCheckOuts}</Figure>
          <Figure label={t('fields.openItems')}>{item.openItems}</Figure>
          <Figure label={t('fields.lastReport')}>
            {item.lastReportAt ? format.date(item.lastReportAt) : t('none')}
          </Figure>
        </SimpleGrid>

        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">
            {t('fields.reportsPerMonth')}
          </Title>
          <Stack gap={6} data-testid="reports-per-month">
            {item.reportsPerMonth.map((m) => (
              <Group key={m.month} gap="sm" wrap="nowrap">
                <Text size="sm" w={80}>
                  {monthLabel(m.month, format.locale)}
                </Text>
                <Progress value={(m.reports / maxMonth) * 100} style={{ flex: 1 }} aria-hidden />
                <Text size="sm" w={40} ta="right">
                  {m.reports}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>

        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">
            {t('detail.overdueStays')}
          </Title>
          {item.overdueStays.length === 0 ? (
            <Text c="dimmed">{t('detail.noOverdue')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="overdue-stays">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.nationality')}</Table.Th>
                    <Table.Th>{t('fields.groupSize')}</Table.Th>
                    <Table.Th>{t('fields.arrivedAt')}</Table.Th>
                    <Table.Th>{t('fields.expectedCheckOut')}</Table.Th>
                    <Table.Th>{t('fields.daysOverdue')}</Table.Th>
                    <Table.Th>{t('fields.stage')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {item.overdueStays.map((stay) => (
                    <Table.Tr key={stay.stayId}>
                      <Table.Td>{stay.nationality}</Table.Td>
                      <Table.Td>{stay.groupSize}</Table.Td>
                      <Table.Td>{format.dateTime(stay.arrivedAt)}</Table.Td>
                      <Table.Td>{format.date(stay.expectedCheckOut)}</Table.Td>
                      <Table.Td>{stay.daysOverdue}</Table.Td>
                      <Table.Td>
                        <StageBadge stay={stay} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>

        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">
            {t('detail.reminders')}
          </Title>
          {item.reminders.length === 0 ? (
            <Text c="dimmed">{t('detail.noReminders')}</Text>
          ) : (
            <Stack gap={4} data-testid="reminders">
              {item.reminders.map((r) => (
                <Text key={r.id} size="sm">
                  {format.dateTime(r.sentAt)} ·{' '}
                  {r.kind === 'manual' ? t('detail.manual', { name: r.sentBy ?? '' }) : t('detail.automatic')} ·{' '}
                  {t('detail.recipients', { count: r.recipientCount })}
                </Text>
              ))}
            </Stack>
          )}
        </Paper>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('detail.confirmTitle')}
        message={t('detail.confirmMessage', { name: item.name })}
        confirmLabel={t('detail.sendReminder')}
        color="blue"
        loading={remind.isPending}
        error={remind.error}
        onConfirm={() => void send().catch(() => undefined)}
        onClose={() => {
          setConfirming(false);
          remind.reset();
        }}
      />
    </>
  );
}
