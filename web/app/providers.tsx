// Composition of the app-wide providers: theme, dates, data, notifications, translations.
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../lib/i18n';
import { createQueryClient } from './query-client';
import { SessionEffects } from './session-effects';
import { theme } from './theme';

function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return (
    <DatesProvider settings={{ locale: current.language === 'en' ? 'en-gb' : 'id', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <LocalisedDates>
          <QueryClientProvider client={queryClient}>
            <Notifications position="top-center" limit={3} />
            <SessionEffects />
            {children}
          </QueryClientProvider>
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  );
}
