// The answer to 409 DUPLICATE_CANDIDATES: the persons on file the new one may be, why, and how strongly. The officer
// opens one to add the new facts there, or creates a new person anyway; nothing is merged behind their back.
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconExternalLink, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../../../contracts/persons';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { personDisplayName } from '../../../lib/person-name';
import { useFormat } from '../../../lib/use-format';
import { formatPartialDate } from '../utils/partial-date';
import type { PendingFacts } from '../utils/pending-facts';

export function DuplicateCandidates({
  candidates,
  hiddenCandidates,
  pending,
  onCreateAnyway,
  creating,
}: {
  candidates: DuplicateCandidate[];
  hiddenCandidates: number;
  /** the facts typed for the new person, offered on the existing person's page */
  pending?: PendingFacts;
  /** absent where creating anyway is no answer (a document on file for someone else) */
  onCreateAnyway?: () => void;
  creating?: boolean;
}) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const country = useCodeLabel('countries');

  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={20} />}
      title={t('duplicates.title')}
      data-testid="duplicate-candidates"
    >
      <Stack gap="sm">
        <Text size="sm">{onCreateAnyway ? t('duplicates.text') : t('duplicates.documentText')}</Text>
        {candidates.map((candidate) => (
          <Card key={candidate.id} withBorder padding="sm" radius="md" data-testid="duplicate-candidate">
            <Group justify="space-between" align="flex-start" gap="sm">
              <Stack gap={2} style={{ flex: '1 1 240px', minWidth: 0 }}>
                <Text fw={600}>{personDisplayName(candidate)}</Text>
                <Text size="sm" c="dimmed">
                  {[
                    candidate.birthDate
                      ? t('duplicates.born', { date: formatPartialDate(candidate.birthDate, format.locale) })
                      : null,
                    country(candidate.nationality),
                    candidate.document
                      ? t('duplicates.document', {
                          number: candidate.document.number,
                          state: candidate.document.issuingState,
                        })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <Group gap={6} mt={4}>
                  {candidate.reasons.map((reason) => (
                    <Badge key={reason} color="orange" variant="light" tt="none">
                      {t(`duplicates.reason.${reason}`)}
                    </Badge>
                  ))}
                  <Badge color="gray" variant="outline" tt="none" data-testid="duplicate-score">
                    {t('duplicates.score', { score: format.number(Math.round(Math.min(1, candidate.score) * 100)) })}
                  </Badge>
                </Group>
              </Stack>
              <Button
                component={Link}
                to={`/register/${candidate.id}`}
                state={pending ? { pending } : undefined}
                variant="light"
                leftSection={<IconExternalLink size={16} />}
                data-testid="duplicate-open"
              >
                {t('duplicates.open')}
              </Button>
            </Group>
          </Card>
        ))}
        {hiddenCandidates > 0 && (
          <Text size="sm" data-testid="duplicate-hidden">
            {t('duplicates.hidden', { count: hiddenCandidates })}
          </Text>
        )}
        {onCreateAnyway && (
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" style={{ flex: '1 1 240px' }}>
              {t('duplicates.createAnywayHint')}
            </Text>
            <Button
              color="orange"
              variant="filled"
              leftSection={<IconUserPlus size={16} />}
              onClick={onCreateAnyway}
              loading={creating ?? false}
              data-testid="create-anyway"
            >
              {t('duplicates.createAnyway')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
