// Travel documents, the current ones first; documents replaced by a newer one stay below as history.
import { Anchor, Badge, Code, Collapse, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, TravelDocumentItem } from '../../../../contracts/persons';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { useFormat } from '../../../lib/use-format';
import { SourceLine } from './source-line';

function DocumentItem({ document, today }: { document: TravelDocumentItem; today: string }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const country = useCodeLabel('countries');
  const [mrzOpened, mrz] = useDisclosure(false);
  const expired = document.expiryDate !== null && document.expiryDate < today;
  const replaced = document.supersededAt !== null;
  return (
    <div data-testid="document-item" data-current={!replaced}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600} c={replaced ? 'dimmed' : undefined}>
          {t(`documentType.${document.type}`)} {document.number}
        </Text>
        {expired && (
          <Badge size="sm" color="grape" variant="light" tt="none">
            {t('document.expired')}
          </Badge>
        )}
        {replaced && (
          <Badge size="sm" color="gray" variant="light" tt="none">
            {t('document.replacedAt', { date: format.date(document.supersededAt) })}
          </Badge>
        )}
        {document.mrzLines && (
          <Badge size="sm" color="green" variant="outline" tt="none">
            {t('document.fromMrz')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c={replaced ? 'dimmed' : undefined}>
        {[
          t('document.issuedBy', { state: `${country(document.issuingState)} (${document.issuingState})` }),
          document.issueDate ? t('document.issuedOn', { date: format.date(document.issueDate) }) : null,
          document.expiryDate ? t('document.validUntil', { date: format.date(document.expiryDate) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {document.mrzLines && (
        <>
          <Anchor component="button" type="button" size="xs" onClick={mrz.toggle} aria-expanded={mrzOpened}>
            {mrzOpened ? t('document.hideMrz') : t('document.showMrz')}
          </Anchor>
          <Collapse expanded={mrzOpened}>
            <Code block fz={12} mt={4}>
              {document.mrzLines.join('\n')}
            </Code>
          </Collapse>
        </>
      )}
      <SourceLine source={document.source} />
    </div>
  );
}

export function DocumentsSection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('persons');
  const today = person.status.asOf;
  const byExpiry = (a: TravelDocumentItem, b: TravelDocumentItem) =>
    (b.expiryDate ?? '').localeCompare(a.expiryDate ?? '');
  const current = person.documents.filter((d) => d.supersededAt === null).sort(byExpiry);
  const history = person.documents.filter((d) => d.supersededAt !== null).sort(byExpiry);
  if (person.documents.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('document.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {current.map((document) => (
        <DocumentItem key={document.id} document={document} today={today} />
      ))}
      {history.length > 0 && (
        <>
          <Divider label={t('document.history')} labelPosition="left" />
          {history.map((document) => (
            <DocumentItem key={document.id} document={document} today={today} />
          ))}
        </>
      )}
    </Stack>
  );
}
