import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessage } from '../lib/error-message';

/** A failed request, in words. Nothing is shown while there is no error. */
export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  if (!error) {
    return null;
  }
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      role="alert"
      data-testid={testId ?? 'error-alert'}
    >
      {errorMessage(error)}
    </Alert>
  );
}
