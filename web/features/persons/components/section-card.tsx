import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A section of the person page: a title, the action that adds to it, its content. */
export function SectionCard({
  title,
  action,
  children,
  testId,
}: {
  title: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" data-testid={testId}>
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}
