// The guests staying at the property now, with check-out and a longer stay at one tap each.
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StayListItem } from '../../../../contracts/stays';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormat } from '../../../lib/use-format';
import { useStayFollowUp } from '../api/use-stay-follow-up';
import { useStays } from '../api/use-stays';

function GuestRow({ stay }: { stay: StayListItem }) {
  const { t } = useTranslation('stays');
  const format = useFormat();
  const followUp = useStayFollowUp();
  const [extending, setExtending] = useState(false);
  const [until, setUntil] = useState(stay.expectedCheckOut);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="current-guest">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>
            {stay.guest.surname} {stay.guest.givenNames}
          </Text>
          {stay.isLate && <Badge color="orange">{t('late')}</Badge>}
        </Group>
        <Text size="sm" c="dimmed">
          {stay.guest.nationality} · {stay.guest.document.number}
          {stay.room ? ` · ${t('form.room')} ${stay.room}` : ''}
        </Text>
        <Text size="sm">
          {format.dateTime(stay.arrivedAt)} → {format.date(stay.expectedCheckOut)}
        </Text>
        {extending ? (
          <Group gap="xs" align="end">
            <TextInput
              type="date"
              label={t('current.newCheckOut')}
              value={until}
              onChange={(e) => setUntil(e.currentTarget.value)}
            />
            <Button
              loading={followUp.isPending}
              onClick={() =>
                followUp.mutate(
                  { kind: 'extension', stayId: stay.id, body: { expectedCheckOut: until } },
                  { onSuccess: () => setExtending(false) },
                )
              }
            >
              {t('current.save')}
            </Button>
          </Group>
        ) : (
          <Group gap="xs">
            <Button
              size="xs"
              loading={followUp.isPending}
              onClick={() =>
                followUp.mutate({
                  kind: 'check-out',
                  stayId: stay.id,
                  body: { checkedOutAt: new Date().toISOString() },
                })
              }
              data-testid="check-out"
            >
              {t('current.checkOut')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setExtending(true)}>
              {t('current.extend')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={followUp.error} />
      </Stack>
    </Paper>
  );
}

export function CurrentGuests({ accommodationId }: { accommodationId: string }) {
  const { t } = useTranslation('stays');
  const stays = useStays({ accommodationId, status: 'open', limit: 100 });
  return (
    <Stack gap="xs">
      <ErrorAlert error={stays.error} />
      {stays.data?.items.length === 0 && <Text c="dimmed">{t('current.none')}</Text>}
      {stays.data?.items.map((s) => (
        <GuestRow key={s.id} stay={s} />
      ))}
    </Stack>
  );
}
