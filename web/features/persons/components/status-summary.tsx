// The status at a glance: what it is and why (permit end, days of overstay or left, document expiry), with the
// sponsor, the current address and who recorded the person.
import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonDetail } from '../../../../contracts/persons';
import { PersonStatusBadge } from '../../../components/person-status-badge';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { useFormat } from '../../../lib/use-format';
import { formatPartialDate } from '../utils/partial-date';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

export function StatusSummary({ person, canSeeSponsors }: { person: PersonDetail; canSeeSponsors: boolean }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const country = useCodeLabel('countries');
  const { status } = person;
  const current = person.addresses.find((a) => a.current);

  const explanation = (() => {
    switch (status.code) {
      case 'overstay':
        return t('status.overstay', {
          count: status.overstayDays ?? 0,
          date: format.date(status.permitValidUntil),
        });
      case 'expiring':
        return t('status.expiring', { count: status.daysLeft ?? 0, date: format.date(status.permitValidUntil) });
      case 'active':
        return status.permitValidUntil
          ? t('status.active', { date: format.date(status.permitValidUntil) })
          : t('status.activeOpen');
      case 'document_expired':
        return t('status.documentExpired', { date: format.date(status.documentExpiry) });
      case 'exited':
        return t('status.exited');
      case 'unknown':
        return t('status.unknown');
    }
  })();

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" data-testid="person-summary">
      <Stack gap="sm">
        <Group gap="sm" align="center">
          <PersonStatusBadge status={status} size="lg" />
          <Text size="sm">{explanation}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('status.asOf', { date: format.date(status.asOf), zone: status.zone })}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label={t('fields.nationality')}>{`${country(person.nationality)} (${person.nationality})`}</Fact>
          <Fact label={t('fields.birthDate')}>
            {[formatPartialDate(person.birthDate, format.locale), person.birthPlace].filter(Boolean).join(', ') || '—'}
          </Fact>
          <Fact label={t('fields.sponsor')} testId="person-sponsor">
            {person.sponsor ? (
              canSeeSponsors ? (
                <Anchor component={Link} to={`/register/sponsors/${person.sponsor.id}`} size="sm">
                  {person.sponsor.name}
                </Anchor>
              ) : (
                person.sponsor.name
              )
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('fields.currentAddress')}>{current ? current.region.label : '—'}</Fact>
          {person.workplace && <Fact label={t('fields.workplace')}>{person.workplace}</Fact>}
          <Fact label={t('fields.recordedBy')}>
            {[person.recordedBy?.name, format.date(person.createdAt)].filter(Boolean).join(' · ')}
          </Fact>
        </SimpleGrid>
        {person.notes && (
          <Fact label={t('fields.notes')}>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {person.notes}
            </Text>
          </Fact>
        )}
      </Stack>
    </Paper>
  );
}
