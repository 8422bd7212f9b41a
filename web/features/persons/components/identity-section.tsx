// The identity as the register uses it, beside every source's version: one column per source, the fields where a
// source says something else marked in each cell, and the disagreements spelled out above. Nothing is hidden or
// merged here; "record another version" adds a source, and adopting one is an explicit choice in that form.
import { Alert, Anchor, Badge, Collapse, Group, List, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  type IdentityClaimItem,
  type IdentityFieldName,
  identityFieldNames,
  type PersonDetail,
} from '../../../../contracts/persons';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { useFormat } from '../../../lib/use-format';
import { formatPartialDate } from '../utils/partial-date';
import { useSourceLabel } from './source-line';

function useIdentityValue() {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const country = useCodeLabel('countries');
  return (field: IdentityFieldName, value: string | null): string => {
    if (value === null || value === '') {
      return '';
    }
    switch (field) {
      case 'sex':
        return value === 'M' || value === 'F' || value === 'X' ? t(`sex.${value}`) : value;
      case 'birthDate':
        return formatPartialDate(value, format.locale);
      case 'nationality':
        return `${country(value)} (${value})`;
      default:
        return value;
    }
  };
}

function Cell({ text, differs }: { text: string; differs: boolean }) {
  const { t } = useTranslation('persons');
  if (!text) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  if (!differs) {
    return <Text size="sm">{text}</Text>;
  }
  return (
    <Tooltip label={t('claims.differs')} withinPortal>
      <Group gap={4} wrap="nowrap" data-testid="claim-differs">
        <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" style={{ flexShrink: 0 }} />
        <Text size="sm" fw={600} c="orange.9">
          {text}
        </Text>
      </Group>
    </Tooltip>
  );
}

function ClaimHeader({ claim }: { claim: IdentityClaimItem }) {
  const format = useFormat();
  const label = useSourceLabel();
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} lineClamp={2}>
        {label(claim.source)}
      </Text>
      <Text size="xs" c="dimmed" fw={400}>
        {format.date(claim.source.recordedAt)}
        {claim.source.reference ? ` · ${claim.source.reference}` : ''}
      </Text>
    </Stack>
  );
}

export function IdentitySection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const value = useIdentityValue();
  const sourceLabel = useSourceLabel();
  const [historyOpened, history] = useDisclosure(false);
  const current = person.claims.filter((claim) => claim.supersededAt === null);
  const superseded = person.claims.filter((claim) => claim.supersededAt !== null);
  const claimById = new Map(person.claims.map((claim) => [claim.id, claim]));
  const chosen: Record<IdentityFieldName, string | null> = {
    surname: person.surname,
    givenNames: person.givenNames,
    fullName: person.fullName,
    sex: person.sex,
    birthDate: person.birthDate,
    birthPlace: person.birthPlace,
    nationality: person.nationality,
  };

  return (
    <Stack gap="sm">
      {person.disagreements.length > 0 && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title={t('claims.disagreementTitle')}
          data-testid="identity-disagreements"
        >
          <List size="sm" spacing={4}>
            {person.disagreements.map((disagreement) => (
              <List.Item key={disagreement.field}>
                <Text span size="sm" fw={600}>
                  {t(`identityField.${disagreement.field}`)}:{' '}
                </Text>
                {disagreement.values
                  .map((v) => {
                    const sources = v.claimIds
                      .map((id) => claimById.get(id))
                      .filter((claim): claim is IdentityClaimItem => claim !== undefined)
                      .map((claim) => sourceLabel(claim.source));
                    return `${value(disagreement.field, v.value) || '—'} (${sources.join(', ')})`;
                  })
                  .join(t('claims.versus'))}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={current.length > 1 ? 320 + current.length * 200 : 480}>
        <Table verticalSpacing="xs" withColumnBorders data-testid="identity-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('claims.field')}</Table.Th>
              <Table.Th>
                <Stack gap={0}>
                  <Text size="sm" fw={700}>
                    {t('claims.chosen')}
                  </Text>
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('claims.chosenHint')}
                  </Text>
                </Stack>
              </Table.Th>
              {current.map((claim) => (
                <Table.Th key={claim.id} data-testid="claim-column">
                  <ClaimHeader claim={claim} />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {identityFieldNames.map((field) => {
              const disputed = person.disagreements.some((d) => d.field === field);
              return (
                <Table.Tr key={field} bg={disputed ? 'var(--mantine-color-orange-light)' : undefined}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" c="dimmed">
                        {t(`identityField.${field}`)}
                      </Text>
                      {disputed && <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" />}
                    </Group>
                  </Table.Td>
                  <Table.Td data-testid={`identity-${field}`}>
                    <Text size="sm" fw={600}>
                      {value(field, chosen[field]) || '—'}
                    </Text>
                  </Table.Td>
                  {current.map((claim) => (
                    <Table.Td key={claim.id}>
                      <Cell text={value(field, claim[field])} differs={claim.differsFrom.includes(field)} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {superseded.length > 0 && (
        <div>
          <Anchor component="button" type="button" size="sm" onClick={history.toggle} aria-expanded={historyOpened}>
            {t('claims.history', { count: superseded.length })}
          </Anchor>
          <Collapse expanded={historyOpened}>
            <Stack gap={6} mt="xs">
              {superseded.map((claim) => (
                <div key={claim.id}>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {sourceLabel(claim.source)}
                    </Text>
                    <Badge size="xs" color="gray" variant="light" tt="none">
                      {t('claims.supersededAt', { date: format.dateTime(claim.supersededAt) })}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {identityFieldNames
                      .filter((field) => claim[field])
                      .map((field) => `${t(`identityField.${field}`)}: ${value(field, claim[field])}`)
                      .join(' · ')}
                  </Text>
                </div>
              ))}
            </Stack>
          </Collapse>
        </div>
      )}
    </Stack>
  );
}
