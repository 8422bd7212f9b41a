// Stay permits on a timeline, newest on top: type and visa index, number, validity, entry and exit, sponsor. The
// permit the status follows is marked; cancelled and ended permits stay visible.
import { Anchor, Badge, Group, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconCircleCheck, IconId, IconPlaneDeparture, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PermitItem, PersonDetail } from '../../../../contracts/persons';
import { useCodeTable } from '../../../lib/api/use-code-table';
import { useFormat } from '../../../lib/use-format';
import { SourceLine } from './source-line';
import { useVisaIndexLabel } from './visa-index-select';

const startOf = (permit: PermitItem) => permit.validFrom ?? permit.entryDate ?? permit.validUntil ?? '';

function usePermitTypeLabel() {
  const { data } = useCodeTable('permit-types');
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (code: string) => {
    const item = data?.items.find((i) => i.code === code);
    return item ? `${String(item.shortLabel ?? code)} — ${item.label[language]}` : code;
  };
}

function PermitBullet({ permit }: { permit: PermitItem }) {
  if (permit.cancelledAt) {
    return (
      <ThemeIcon size={22} radius="xl" color="red" variant="light">
        <IconX size={14} />
      </ThemeIcon>
    );
  }
  if (permit.exitDate) {
    return (
      <ThemeIcon size={22} radius="xl" color="gray" variant="light">
        <IconPlaneDeparture size={14} />
      </ThemeIcon>
    );
  }
  if (permit.current) {
    return (
      <ThemeIcon size={22} radius="xl" color="pora" variant="filled">
        <IconCircleCheck size={14} />
      </ThemeIcon>
    );
  }
  return (
    <ThemeIcon size={22} radius="xl" color="gray" variant="light">
      <IconId size={14} />
    </ThemeIcon>
  );
}

export function PermitsSection({ person, canSeeSponsors }: { person: PersonDetail; canSeeSponsors: boolean }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const typeLabel = usePermitTypeLabel();
  const visaLabel = useVisaIndexLabel();
  const today = person.status.asOf;
  const permits = [...person.permits].sort((a, b) => startOf(b).localeCompare(startOf(a)));
  if (permits.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('permit.empty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={22} lineWidth={2} data-testid="permit-timeline">
      {permits.map((permit) => {
        const ended = permit.validUntil !== null && permit.validUntil < today;
        return (
          <Timeline.Item
            key={permit.id}
            bullet={<PermitBullet permit={permit} />}
            lineVariant={permit.current ? 'solid' : 'dashed'}
            data-testid="permit-item"
            data-current={permit.current}
            title={
              <Group gap="xs" wrap="wrap">
                <Text fw={600} size="sm">
                  {typeLabel(permit.type)}
                </Text>
                {permit.current && (
                  <Badge size="sm" color="pora" variant="light" tt="none">
                    {t('permit.current')}
                  </Badge>
                )}
                {permit.cancelledAt && (
                  <Badge size="sm" color="red" variant="light" tt="none">
                    {t('permit.cancelledAt', { date: format.date(permit.cancelledAt) })}
                  </Badge>
                )}
                {!permit.cancelledAt && ended && !permit.exitDate && (
                  <Badge size="sm" color="gray" variant="light" tt="none">
                    {t('permit.ended')}
                  </Badge>
                )}
              </Group>
            }
          >
            <Stack gap={2}>
              {permit.visaIndex && (
                <Text size="sm" data-testid="permit-visa-label">
                  {t('permit.visaIndexLine', { label: visaLabel(permit.visaIndex) })}
                </Text>
              )}
              {permit.number && (
                <Text size="sm" c="dimmed">
                  {t('permit.numberLine', { number: permit.number })}
                </Text>
              )}
              <Text size="sm">
                {t('permit.validity', {
                  from: permit.validFrom ? format.date(permit.validFrom) : '…',
                  until: permit.validUntil ? format.date(permit.validUntil) : t('permit.openEnded'),
                })}
              </Text>
              {(permit.entryDate || permit.entryPort) && (
                <Text size="sm">
                  {t('permit.entryLine', {
                    date: permit.entryDate ? format.date(permit.entryDate) : '…',
                    port: permit.entryPort ?? '…',
                  })}
                </Text>
              )}
              {(permit.exitDate || permit.exitPort) && (
                <Text size="sm">
                  {t('permit.exitLine', {
                    date: permit.exitDate ? format.date(permit.exitDate) : '…',
                    port: permit.exitPort ?? '…',
                  })}
                </Text>
              )}
              {permit.sponsor && (
                <Text size="sm">
                  {t('permit.sponsorLine')}{' '}
                  {canSeeSponsors ? (
                    <Anchor component={Link} to={`/register/sponsors/${permit.sponsor.id}`} size="sm">
                      {permit.sponsor.name}
                    </Anchor>
                  ) : (
                    permit.sponsor.name
                  )}
                </Text>
              )}
              {permit.cancelReason && (
                <Text size="sm" c="red.8">
                  {t('permit.cancelReason', { reason: permit.cancelReason })}
                </Text>
              )}
              <SourceLine source={permit.source} />
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
