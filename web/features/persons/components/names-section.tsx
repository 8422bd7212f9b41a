// Every name the person is known by, each with its kind and source; search finds the person by any of them.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../contracts/persons';
import { personDisplayName } from '../../../lib/person-name';
import { SourceLine } from './source-line';

const kindColor = { primary: 'pora', alias: 'orange', transliteration: 'cyan', document: 'gray' } as const;

export function NamesSection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('persons');
  const names = [...person.names].sort((a, b) => (a.kind === 'primary' ? -1 : b.kind === 'primary' ? 1 : 0));
  if (names.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('names.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {names.map((name) => (
        <div key={name.id} data-testid="person-name-item">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {personDisplayName(name)}
            </Text>
            <Badge size="sm" variant="light" color={kindColor[name.kind]} tt="none">
              {t(`nameKind.${name.kind}`)}
            </Badge>
          </Group>
          {name.fullName && (name.surname || name.givenNames) && (
            <Text size="xs" c="dimmed">
              {t('names.asWritten', { name: name.fullName })}
            </Text>
          )}
          <SourceLine source={name.source} />
        </div>
      ))}
    </Stack>
  );
}
