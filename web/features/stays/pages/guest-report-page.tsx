// "Lapor tamu" for operators on a phone: report a guest (or a group), see who is staying now, and the history of
// reports. A property is chosen when the operator runs several.
import { Alert, SegmentedControl, Select, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ownAccommodationList } from '../../../../contracts/accommodations';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { api } from '../../../lib/api-client';
import { CheckInForm } from '../components/check-in-form';
import { CurrentGuests } from '../components/current-guests';
import { ReportHistory } from '../components/report-history';
import { UploadForm } from '../components/upload-form';

function useReportingProperties() {
  return useQuery({
    queryKey: ['accommodations', 'mine'],
    queryFn: ({ signal }) => api.get<z.infer<typeof ownAccommodationList>>('/accommodations/me', undefined, signal),
  });
}

export function GuestReportPage() {
  const { t } = useTranslation('stays');
  const own = useReportingProperties();
  const [chosen, setChosen] = useState<string | null>(null);
  const [tab, setTab] = useState('report');
  if (own.isPending) {
    return <PageLoader />;
  }
  const verified = (own.data?.items ?? []).filter((p) => p.status === 'verified');
  const propertyId = chosen ?? verified[0]?.id ?? null;
  return (
    <>
      <PageHeader title={t('report.title')} />
      <Stack gap="md" maw={720}>
        <ErrorAlert error={own.error} />
        {verified.length === 0 && !own.error && <Alert color="yellow">{t('report.noVerified')}</Alert>}
        {verified.length > 1 && (
          <Select
            label={t('report.property')}
            data={verified.map((p) => ({ value: p.id, label: p.name }))}
            value={propertyId}
            onChange={setChosen}
          />
        )}
        {propertyId && (
          <>
            <SegmentedControl
              fullWidth
              value={tab}
              onChange={setTab}
              data={[
                { value: 'report', label: t('report.tabReport') },
                { value: 'current', label: t('report.tabCurrent') },
                { value: 'history', label: t('report.tabHistory') },
                { value: 'upload', label: t('report.tabUpload') },
              ]}
            />
            <Tabs value={tab}>
              <Tabs.Panel value="report">
                <CheckInForm key={propertyId} accommodationId={propertyId} />
              </Tabs.Panel>
              <Tabs.Panel value="current">
                {tab === 'current' && <CurrentGuests accommodationId={propertyId} />}
              </Tabs.Panel>
              <Tabs.Panel value="history">{tab === 'history' && <ReportHistory />}</Tabs.Panel>
              <Tabs.Panel value="upload">{tab === 'upload' && <UploadForm accommodationId={propertyId} />}</Tabs.Panel>
            </Tabs>
          </>
        )}
      </Stack>
    </>
  );
}
