// The operator's receipts: those issued between two days (on the property's clock), one PDF each or all of them in
// one PDF. Downloads are plain links: the browser sends the session cookie and saves the file itself.
import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndonesianZone, ReceiptItem } from '../../../../contracts/receipts';
import { type Column, DataList } from '../../../components/data-list';
import { ErrorAlert } from '../../../components/error-alert';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { API_BASE, toQueryString } from '../../../lib/api-client';
import { formatDateTime, type Zone } from '../../../lib/format';
import { useFormat } from '../../../lib/use-format';
import { useReceiptProperties } from '../api/use-receipt-properties';
import { useReceipts } from '../api/use-receipts';

/** Receipts in one archive PDF at most (the server refuses more: RECEIPT_ARCHIVE_TOO_LARGE). */
const ARCHIVE_MAX = 2_000;
const PAGE_SIZE = 50;

const zones: Record<IndonesianZone, Zone> = {
  WIB: { timeZone: 'Asia/Jakarta', abbr: 'WIB', offset: '+07:00' },
  WITA: { timeZone: 'Asia/Makassar', abbr: 'WITA', offset: '+08:00' },
  WIT: { timeZone: 'Asia/Jayapura', abbr: 'WIT', offset: '+09:00' },
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function ReceiptsPage() {
  const { t } = useTranslation('receipts');
  const format = useFormat();
  const today = new Date(Date.now() + 7 * 3_600_000);
  const [from, setFrom] = useState(`${isoDay(today).slice(0, 8)}01`);
  const [to, setTo] = useState(isoDay(today));
  const [property, setProperty] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const properties = useReceiptProperties();
  const validRange = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const range = { from, to, ...(property ? { accommodationId: property } : {}) };
  const receipts = useReceipts({ ...range, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, validRange);
  const total = receipts.data?.total ?? 0;
  const options = (properties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const columns: Column<ReceiptItem>[] = [
    { key: 'kind', header: t('fields.kind'), render: (r) => t(`kind.${r.reportKind}`) },
    {
      key: 'reportedAt',
      header: t('fields.reportedAt'),
      render: (r) => formatDateTime(r.reportedAt, format.locale, zones[r.zone]),
    },
    {
      key: 'issuedAt',
      header: t('fields.issuedAt'),
      render: (r) => formatDateTime(r.issuedAt, format.locale, zones[r.zone]),
    },
    { key: 'guests', header: t('fields.guests'), render: (r) => format.number(r.guestCount) },
    ...(options.length > 1
      ? [{ key: 'property', header: t('fields.property'), render: (r: ReceiptItem) => r.accommodation.name }]
      : []),
    {
      key: 'pdf',
      header: 'PDF',
      render: (r) => (
        <Button
          component="a"
          href={`${API_BASE}/receipts/${r.number}.pdf`}
          target="_blank"
          variant="subtle"
          size="compact-sm"
          leftSection={<IconFileTypePdf size={16} />}
          data-testid="receipt-pdf"
        >
          PDF
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: options.length > 1 ? 3 : 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('list.from')}
            value={from}
            max={to}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
              setPage(1);
            }}
            data-testid="receipts-from"
          />
          <TextInput
            type="date"
            label={t('list.to')}
            value={to}
            min={from}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              setPage(1);
            }}
            data-testid="receipts-to"
          />
          {options.length > 1 && (
            <Select
              label={t('fields.property')}
              placeholder={t('list.allProperties')}
              data={options}
              value={property}
              onChange={(v) => {
                setProperty(v);
                setPage(1);
              }}
              clearable
            />
          )}
        </SimpleGrid>
        {!validRange && <Alert color="yellow">{t('list.rangeInvalid')}</Alert>}
        <ErrorAlert error={receipts.error} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('list.count', { count: total, total: format.number(total) })}
          </Text>
          <Button
            component="a"
            href={`${API_BASE}/receipts/archive${toQueryString(range)}`}
            download
            leftSection={<IconDownload size={16} />}
            disabled={!validRange || total === 0 || total > ARCHIVE_MAX}
            data-testid="receipts-archive"
          >
            {t('list.downloadAll')}
          </Button>
        </Group>
        {total > ARCHIVE_MAX && (
          <Alert color="yellow">{t('list.archiveTooLarge', { max: format.number(ARCHIVE_MAX) })}</Alert>
        )}
        {receipts.data && (
          <DataList
            rows={receipts.data?.items}
            rowKey={(r) => r.id}
            rowHref={(r) => `/verifikasi/${r.number}`}
            rowTitle={(r) => (
              <Text span ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                {r.number}
              </Text>
            )}
            titleHeader={t('fields.number')}
            columns={columns}
            isPending={false}
            error={null}
            emptyText={t('list.empty')}
            testId="receipts-table"
          />
        )}
        <ListFooter total={total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
      </Stack>
    </>
  );
}
