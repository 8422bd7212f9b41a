// Where the person lives, and where they lived: the current address first, the earlier ones with their periods.
import { Badge, Divider, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AddressItem, PersonDetail } from '../../../../contracts/persons';
import { useFormat } from '../../../lib/use-format';
import { SourceLine } from './source-line';

function AddressEntry({ address }: { address: AddressItem }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  return (
    <div data-testid="address-item" data-current={address.current}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600} c={address.current ? undefined : 'dimmed'}>
          {address.region.label}
        </Text>
        {address.current && (
          <Badge size="sm" color="pora" variant="light" tt="none">
            {t('address.current')}
          </Badge>
        )}
      </Group>
      {address.text && (
        <Text size="sm" c={address.current ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>
          {address.text}
        </Text>
      )}
      {(address.validFrom || address.validTo) && (
        <Text size="xs" c="dimmed">
          {t('address.period', {
            from: address.validFrom ? format.date(address.validFrom) : '…',
            to: address.validTo ? format.date(address.validTo) : t('address.now'),
          })}
        </Text>
      )}
      {address.latitude !== null && address.longitude !== null && (
        <Text size="xs" c="dimmed">
          {t('address.coordinates', {
            latitude: address.latitude.toFixed(5),
            longitude: address.longitude.toFixed(5),
          })}
        </Text>
      )}
      <SourceLine source={address.source} />
    </div>
  );
}

export function AddressesSection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation('persons');
  if (person.addresses.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('address.empty')}
      </Text>
    );
  }
  const byStart = (a: AddressItem, b: AddressItem) => (b.validFrom ?? '').localeCompare(a.validFrom ?? '');
  const current = person.addresses.filter((a) => a.current);
  const earlier = person.addresses.filter((a) => !a.current).sort(byStart);
  return (
    <Stack gap="sm">
      {current.map((address) => (
        <AddressEntry key={address.id} address={address} />
      ))}
      {earlier.length > 0 && (
        <>
          <Divider label={t('address.history')} labelPosition="left" />
          {earlier.map((address) => (
            <AddressEntry key={address.id} address={address} />
          ))}
        </>
      )}
    </Stack>
  );
}
