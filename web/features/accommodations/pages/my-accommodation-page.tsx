// The operator's own property (or properties): its status, the contact they keep up to date, and its API keys; and
// "Daftarkan penginapan lain" for an operator of a verified property.
import { Alert, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnAccommodationItem } from '../../../../contracts/accommodations';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { useOwnAccommodations } from '../api/use-own-accommodations';
import { AccommodationStatusBadge } from '../components/accommodation-status-badge';
import { AnotherPropertyForm } from '../components/another-property-form';
import { ApiKeysSection } from '../components/api-keys-section';
import { ContactForm } from '../components/contact-form';
import { PropertyFormModal } from '../components/property-form-modal';

function StatusNotice({ item }: { item: OwnAccommodationItem }) {
  const { t } = useTranslation('accommodations');
  const reason = item.statusReason ?? '';
  switch (item.status) {
    case 'pending':
      return <Alert color="yellow">{t('mine.pendingNotice')}</Alert>;
    case 'rejected':
      return <Alert color="gray">{t('mine.rejectedNotice', { reason })}</Alert>;
    case 'suspended':
      return <Alert color="red">{t('mine.suspendedNotice', { reason })}</Alert>;
    case 'verified':
      return null;
  }
}

function Property({ item }: { item: OwnAccommodationItem }) {
  const { t } = useTranslation('accommodations');
  const kindLabel = useCodeLabel('accommodation-kinds');
  return (
    <Stack gap="md" data-testid="own-accommodation">
      <StatusNotice item={item} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Text size="sm">
              <Text span c="dimmed" size="xs" display="block">
                {t('fields.kind')}
              </Text>
              {kindLabel(item.kind)}
            </Text>
            <Text size="sm">
              <Text span c="dimmed" size="xs" display="block">
                NIB
              </Text>
              {item.nib}
            </Text>
            <Text size="sm">
              <Text span c="dimmed" size="xs" display="block">
                {t('fields.address')}
              </Text>
              {item.address}, {item.village.label}
            </Text>
          </SimpleGrid>
          <Title order={2} fz="lg">
            {t('mine.contactTitle')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('mine.contactHint')}
          </Text>
          <ContactForm key={`${item.id}-${item.updatedAt}`} item={item} readOnly={item.status === 'rejected'} />
        </Stack>
      </Paper>
      {item.status !== 'rejected' && item.status !== 'pending' && (
        <ApiKeysSection accommodationId={item.id} canCreate={item.status === 'verified'} />
      )}
    </Stack>
  );
}

export function MyAccommodationPage() {
  const { t } = useTranslation('accommodations');
  const own = useOwnAccommodations();
  const [registering, setRegistering] = useState(false);
  if (own.isPending) {
    return <PageLoader />;
  }
  if (own.error) {
    return (
      <>
        <PageHeader title={t('mine.title')} />
        <ErrorAlert error={own.error} />
      </>
    );
  }
  const items = own.data.items;
  const [only] = items;
  // Another property is for the operator of a verified one (the API refuses the others the same way).
  const canRegisterAnother = items.some((item) => item.status === 'verified');
  return (
    <>
      <PageHeader
        title={items.length === 1 && only ? only.name : t('mine.title')}
        badge={items.length === 1 && only ? <AccommodationStatusBadge status={only.status} /> : undefined}
        actions={
          canRegisterAnother && (
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => setRegistering(true)}
              data-testid="register-another-property"
            >
              {t('mine.another')}
            </Button>
          )
        }
      />
      <PropertyFormModal opened={registering} title={t('mine.another')} onClose={() => setRegistering(false)}>
        <AnotherPropertyForm onDone={() => setRegistering(false)} />
      </PropertyFormModal>
      <Stack gap="xl" maw={860}>
        {items.length === 0 && <Alert color="gray">{t('mine.none')}</Alert>}
        {items.map((item) =>
          items.length === 1 ? (
            <Property key={item.id} item={item} />
          ) : (
            <Stack key={item.id} gap="xs">
              <Title order={2} fz="xl">
                {item.name} <AccommodationStatusBadge status={item.status} />
              </Title>
              <Property item={item} />
            </Stack>
          ),
        )}
      </Stack>
    </>
  );
}
