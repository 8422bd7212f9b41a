// The signed-in person's own account: who they are in PORA, language, password, two-step sign-in, sessions.
import { Badge, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../../components/account/change-password-form';
import { PageHeader } from '../../../components/page-header';
import { ScopeAreas } from '../../../components/scope-areas';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { isLocale } from '../../../lib/i18n';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useLanguage } from '../../../lib/use-language';
import { SessionsSection } from '../components/sessions-section';
import { TwoFactorSection } from '../components/two-factor-section';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Section({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      {children}
    </Paper>
  );
}

export function ProfilePage() {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const roleLabel = useCodeLabel('roles');
  const kindLabel = useCodeLabel('agency-kinds');
  const { language, setLanguage } = useLanguage();

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="md" maw={860}>
        <Section>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Fact label={t('fields.name')}>{me.name}</Fact>
            <Fact label={t('fields.email')}>{me.email}</Fact>
            <Fact label={t('fields.agency')}>
              {me.agency.name}
              <Text size="xs" c="dimmed">
                {kindLabel(me.agency.kind)}
              </Text>
            </Fact>
            <Fact label={t('fields.roles')}>
              <Group gap={4}>
                {me.roles.map((role) => (
                  <Badge key={role} variant="light" tt="none">
                    {roleLabel(role)}
                  </Badge>
                ))}
              </Group>
            </Fact>
            <Fact label={t('fields.scope')}>
              <ScopeAreas scope={me.scope} />
            </Fact>
          </SimpleGrid>
        </Section>
        <Section>
          <Stack gap="xs">
            <Title order={2} fz="lg">
              {tc('language.label')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('languageText')}
            </Text>
            <SegmentedControl
              w="fit-content"
              value={language}
              onChange={(value) => isLocale(value) && setLanguage(value)}
              data={[
                { value: 'id', label: tc('language.id') },
                { value: 'en', label: tc('language.en') },
              ]}
              aria-label={tc('language.label')}
              data-testid="profile-language"
            />
          </Stack>
        </Section>
        <Section>
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t('password.title')}
            </Title>
            <ChangePasswordForm
              onChanged={() => notifications.show({ color: 'green', message: t('password.changed') })}
            />
          </Stack>
        </Section>
        <Section>
          <TwoFactorSection me={me} />
        </Section>
        <Section>
          <SessionsSection />
        </Section>
      </Stack>
    </>
  );
}
