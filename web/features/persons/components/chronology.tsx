// Everything that happened, in date order: documents issued and expiring, entries, permits starting and ending,
// cancellations, exits, moves. Dates still to come are marked.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../contracts/persons';
import { areaShortName } from '../../../lib/regions';
import { useFormat } from '../../../lib/use-format';

export function Chronology({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const permits = new Map(person.permits.map((p) => [p.id, p]));
  const documents = new Map(person.documents.map((d) => [d.id, d]));
  const addresses = new Map(person.addresses.map((a) => [a.id, a]));
  const subjectOf = (refId: string) => {
    const permit = permits.get(refId);
    if (permit) {
      return [permit.type, permit.visaIndex, permit.number].filter(Boolean).join(' · ');
    }
    const document = documents.get(refId);
    if (document) {
      return `${t(`documentType.${document.type}`)} ${document.number}`;
    }
    const address = addresses.get(refId);
    return address ? areaShortName(address.region) : '';
  };
  if (person.timeline.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('chronology.empty')}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={4} data-testid="chronology">
      <Table.Tbody>
        {person.timeline.map((event, index) => {
          const future = event.date > person.status.asOf;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: one permit can have two events on one day
            <Table.Tr key={`${event.refId}-${event.kind}-${index}`} c={future ? 'dimmed' : undefined}>
              <Table.Td w={120} style={{ verticalAlign: 'top' }}>
                <Text size="sm">{format.date(event.date)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t(`chronology.kind.${event.kind}`)}
                  {future ? ` (${t('chronology.future')})` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {subjectOf(event.refId)}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
