// The office's guest reports: by arrival date, area, nationality and property, or only those staying now ("Tamu asing
// saat ini"); late reports and new register entries that need a look are marked.
import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { useFormat } from '../../../lib/use-format';
import { useStays } from '../api/use-stays';
import { StaysMap } from '../components/stays-map';

export function StaysPage() {
  const { t } = useTranslation('stays');
  const format = useFormat();
  const purpose = useCodeLabel('visit-purposes');
  const [view, setView] = useState<'current' | 'map' | 'all'>('current');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [area, setArea] = useState('');
  const [nationality, setNationality] = useState('');
  const [q, setQ] = useState('');
  const [lateOnly, setLateOnly] = useState(false);
  const [reviewOnly, setReviewOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const limit = 50;
  const stays = useStays({
    status: view === 'current' ? 'open' : undefined,
    from: view === 'all' ? from : undefined,
    to: view === 'all' ? to : undefined,
    area: /^\d{2}(\.\d{2}){0,3}$/.test(area.trim()) ? area.trim() : undefined,
    nationality: /^[A-Za-z]{3}$/.test(nationality.trim()) ? nationality.trim().toUpperCase() : undefined,
    q: q.trim() || undefined,
    late: lateOnly ? 'true' : undefined,
    review: reviewOnly ? 'true' : undefined,
    limit,
    offset,
  });
  const total = stays.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title={view === 'all' ? t('office.title') : t('office.currentTitle')}
        description={t('office.description')}
      />
      <Stack gap="sm">
        <SegmentedControl
          value={view}
          onChange={(v) => {
            setView(v as 'current' | 'map' | 'all');
            setOffset(0);
          }}
          data={[
            { value: 'current', label: t('office.viewCurrent') },
            { value: 'map', label: t('office.viewMap') },
            { value: 'all', label: t('office.viewAll') },
          ]}
          maw={560}
        />
        {view === 'map' ? (
          <StaysMap />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="xs">
              {view === 'all' && (
                <>
                  <TextInput
                    type="date"
                    label={t('office.from')}
                    value={from}
                    onChange={(e) => setFrom(e.currentTarget.value)}
                  />
                  <TextInput
                    type="date"
                    label={t('office.to')}
                    value={to}
                    onChange={(e) => setTo(e.currentTarget.value)}
                  />
                </>
              )}
              <TextInput
                label={t('office.area')}
                placeholder="16.72"
                value={area}
                onChange={(e) => setArea(e.currentTarget.value)}
              />
              <TextInput
                label={t('office.nationality')}
                placeholder="CHN"
                maxLength={3}
                value={nationality}
                onChange={(e) => setNationality(e.currentTarget.value)}
              />
              <TextInput label={t('office.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
            </SimpleGrid>
            <Group>
              <Checkbox
                label={t('office.lateOnly')}
                checked={lateOnly}
                onChange={(e) => setLateOnly(e.currentTarget.checked)}
              />
              <Checkbox
                label={t('office.reviewOnly')}
                checked={reviewOnly}
                onChange={(e) => setReviewOnly(e.currentTarget.checked)}
              />
            </Group>
            <ErrorAlert error={stays.error} />
            <Text size="sm" c="dimmed" data-testid="stays-total">
              {t('office.total', { count: total })}
            </Text>
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('office.guest')}</Table.Th>
                    <Table.Th>{t('office.property')}</Table.Th>
                    <Table.Th>{t('office.stay')}</Table.Th>
                    <Table.Th>{t('office.purpose')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stays.data?.items.map((s) => (
                    <Table.Tr key={s.id} data-testid="stay-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/register/${s.personId}`} fw={600}>
                          {s.guest.surname} {s.guest.givenNames}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {s.guest.nationality} · {s.guest.document.number}
                        </Text>
                        <Group gap={4}>
                          {s.isLate && <Badge color="orange">{t('late')}</Badge>}
                          {s.personLink === 'new_flagged' && <Badge color="grape">{t('office.needsReview')}</Badge>}
                          {s.status !== 'open' && <Badge variant="light">{t(`status.${s.status}`)}</Badge>}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{s.accommodation.name}</Text>
                        <Text size="xs" c="dimmed">
                          {s.villageLabel}
                          {s.room ? ` · ${s.room}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{format.dateTime(s.arrivedAt)}</Text>
                        <Text size="xs" c="dimmed">
                          → {s.checkedOutAt ? format.dateTime(s.checkedOutAt) : format.date(s.expectedCheckOut)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{purpose(s.visitPurpose)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group>
              {offset > 0 && (
                <Anchor component="button" onClick={() => setOffset(Math.max(0, offset - limit))}>
                  {t('office.previous')}
                </Anchor>
              )}
              {offset + limit < total && (
                <Anchor component="button" onClick={() => setOffset(offset + limit)}>
                  {t('office.next')}
                </Anchor>
              )}
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}
