import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The password rules, stated before the person types, the same ones the server enforces. */
export function PasswordPolicy() {
  const { t } = useTranslation('auth');
  return (
    <div>
      <Text size="sm" fw={500}>
        {t('policy.title')}
      </Text>
      <List size="sm" c="dimmed" spacing={2}>
        <List.Item>{t('policy.length')}</List.Item>
        <List.Item>{t('policy.common')}</List.Item>
        <List.Item>{t('policy.email')}</List.Item>
        <List.Item>{t('policy.tip')}</List.Item>
      </List>
    </div>
  );
}
