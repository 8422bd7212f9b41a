// "Gabungkan": the officer finds the other record of the same person, sees both side by side (the fields where they
// disagree marked), chooses which record remains and gives a reason. The other record's facts move to the one that
// remains with their sources; nothing is overwritten, and the merge can be undone from the merge history.
import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowsJoin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PersonDetail } from '../../../../contracts/persons';
import { ErrorAlert } from '../../../components/error-alert';
import { PersonStatusBadge } from '../../../components/person-status-badge';
import { SearchInput } from '../../../components/search-input';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { personDisplayName } from '../../../lib/person-name';
import { useFormat } from '../../../lib/use-format';
import { useMergeCandidate, useMergeSearch } from '../api/use-merge-candidate';
import { useMergePerson } from '../api/use-merge-person';
import { formatPartialDate } from '../utils/partial-date';

type Compared = 'birthDate' | 'sex' | 'nationality';
const compared: Compared[] = ['birthDate', 'sex', 'nationality'];

function Side({ person, other, label }: { person: PersonDetail; other: PersonDetail; label: string }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const country = useCodeLabel('countries');
  const value = (field: Compared) => {
    const v = person[field];
    if (!v) {
      return '—';
    }
    return field === 'birthDate'
      ? formatPartialDate(v, format.locale)
      : field === 'nationality'
        ? `${country(v)} (${v})`
        : v === 'M' || v === 'F' || v === 'X'
          ? t(`sex.${v}`)
          : v;
  };
  const current = person.addresses.find((a) => a.current);
  return (
    <Card withBorder padding="sm" radius="md" data-testid="merge-side">
      <Stack gap={6}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={600}>{personDisplayName(person)}</Text>
          <PersonStatusBadge status={person.status} />
        </Group>
        {compared.map((field) => {
          const differs = person[field] !== null && other[field] !== null && person[field] !== other[field];
          return (
            <Group key={field} gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" w={130}>
                {t(`identityField.${field}`)}
              </Text>
              <Text size="sm" fw={differs ? 600 : undefined} c={differs ? 'orange.9' : undefined}>
                {value(field)}
              </Text>
            </Group>
          );
        })}
        <Text size="sm">
          {t('merge.documents')}:{' '}
          {person.documents.length > 0
            ? person.documents.map((d) => `${d.number} (${d.issuingState})`).join(', ')
            : '—'}
        </Text>
        <Text size="sm">
          {t('merge.permits')}:{' '}
          {person.permits.length > 0 ? person.permits.map((p) => `${p.type} ${p.validUntil ?? ''}`).join(', ') : '—'}
        </Text>
        <Text size="sm">
          {t('merge.address')}: {current ? current.region.label : '—'}
        </Text>
      </Stack>
    </Card>
  );
}

export function MergeDialog({
  person,
  opened,
  onClose,
}: {
  person: PersonDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('persons');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [otherId, setOtherId] = useState<string | null>(null);
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const [reason, setReason] = useState('');
  const search = useMergeSearch(q);
  const other = useMergeCandidate(otherId, t('merge.purpose'));
  const merge = useMergePerson();
  const results = (search.data?.items ?? []).filter((i) => i.id !== person.id);

  const close = () => {
    setQ('');
    setOtherId(null);
    setKeep('this');
    setReason('');
    merge.reset();
    onClose();
  };
  const confirm = async () => {
    if (!other.data) {
      return;
    }
    const [source, target] = keep === 'this' ? [other.data, person] : [person, other.data];
    try {
      const survivor = await merge.mutateAsync({ sourceId: source.id, into: target.id, reason: reason.trim() });
      close();
      await navigate(`/register/${survivor.id}`);
    } catch {
      // shown from merge.error
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>{t('merge.title')}</Text>} size="xl">
      <Stack gap="md">
        <Text size="sm">{t('merge.intro')}</Text>
        {!otherId && (
          <>
            <SearchInput
              value={q}
              onChange={setQ}
              label={t('merge.search')}
              placeholder={t('searchPlaceholder')}
              data-testid="merge-search"
            />
            <ErrorAlert error={search.error} />
            {q.length >= 2 && search.isSuccess && results.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('merge.noResults')}
              </Text>
            )}
            <Stack gap={4}>
              {results.map((item) => (
                <UnstyledButton key={item.id} onClick={() => setOtherId(item.id)} data-testid="merge-result">
                  <Card withBorder padding="xs" radius="md">
                    <Group justify="space-between" gap="xs">
                      <Text size="sm" fw={600}>
                        {personDisplayName(item)}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {[item.birthDate, item.nationality, item.document?.number].filter(Boolean).join(' · ')}
                      </Text>
                    </Group>
                  </Card>
                </UnstyledButton>
              ))}
            </Stack>
          </>
        )}
        {otherId && (
          <>
            <ErrorAlert error={other.error} />
            {other.data?.mergedInto && <Alert color="orange">{t('merge.otherMerged')}</Alert>}
            {other.data && !other.data.mergedInto && (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Side person={person} other={other.data} label={t('merge.thisRecord')} />
                  <Side person={other.data} other={person} label={t('merge.otherRecord')} />
                </SimpleGrid>
                <Radio.Group
                  label={t('merge.keep')}
                  value={keep}
                  onChange={(v) => setKeep(v === 'other' ? 'other' : 'this')}
                >
                  <Stack gap={6} mt={6}>
                    <Radio value="this" label={personDisplayName(person)} data-testid="merge-keep-this" />
                    <Radio value="other" label={personDisplayName(other.data)} data-testid="merge-keep-other" />
                  </Stack>
                </Radio.Group>
                <Text size="sm" c="dimmed">
                  {t('merge.what')}
                </Text>
                <Textarea
                  label={t('merge.reason')}
                  description={t('merge.reasonHint')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  maxLength={500}
                  autosize
                  minRows={2}
                  required
                  data-testid="merge-reason"
                />
              </>
            )}
            <ErrorAlert error={merge.error} />
            <Group justify="space-between" gap="xs">
              <Button variant="subtle" onClick={() => setOtherId(null)}>
                {t('merge.pickAnother')}
              </Button>
              <Group gap="xs">
                <Button variant="default" onClick={close}>
                  {tc('actions.cancel')}
                </Button>
                <Button
                  leftSection={<IconArrowsJoin size={16} />}
                  disabled={!other.data || other.data.mergedInto !== null || reason.trim() === ''}
                  loading={merge.isPending}
                  onClick={() => void confirm()}
                  data-testid="merge-confirm"
                >
                  {t('merge.confirm')}
                </Button>
              </Group>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
