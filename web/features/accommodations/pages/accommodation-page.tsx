// One accommodation for the office: what was registered, who operates it, and the decisions — verify or reject a
// pending registration (a reason for a rejection), suspend a verified property or reactivate a suspended one — and
// "Ubah data", the office's edit of what was registered.
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AccommodationDetail } from '../../../../contracts/accommodations';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { can } from '../../../lib/permissions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useFormat } from '../../../lib/use-format';
import { useAccommodation } from '../api/use-accommodation';
import { type StatusAction, useChangeAccommodationStatus } from '../api/use-change-accommodation-status';
import { AccommodationStatusBadge } from '../components/accommodation-status-badge';
import { EditAccommodationForm } from '../components/edit-accommodation-form';
import { PropertyFormModal } from '../components/property-form-modal';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </Stack>
  );
}

const actionsFor: Record<AccommodationDetail['status'], StatusAction[]> = {
  pending: ['verify', 'reject'],
  verified: ['suspend'],
  suspended: ['reactivate'],
  rejected: [],
};
const needsReason = (action: StatusAction) => action === 'reject' || action === 'suspend';

function StatusActions({ item }: { item: AccommodationDetail }) {
  const { t } = useTranslation('accommodations');
  const { t: tc } = useTranslation();
  const change = useChangeAccommodationStatus(item.id);
  const [action, setAction] = useState<StatusAction | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const close = () => {
    setAction(null);
    setReason('');
    setReasonMissing(false);
    change.reset();
  };
  const confirm = async () => {
    if (!action) {
      return;
    }
    await change.mutateAsync({ action, ...(needsReason(action) ? { reason } : {}) });
    notifications.show({ color: 'green', message: t('detail.done') });
    close();
  };
  const verifyMessage =
    item.applicantAccount === 'existing_operator'
      ? 'detail.verifyMessageExisting'
      : item.applicantAccount === 'linked'
        ? 'detail.verifyMessageLinked'
        : 'detail.verifyMessage';
  const message = (a: StatusAction) =>
    a === 'verify'
      ? t(verifyMessage, { email: item.applicantEmail })
      : a === 'suspend'
        ? t('detail.suspendMessage')
        : '';
  return (
    <>
      <Group gap="xs">
        {actionsFor[item.status].map((a) => (
          <Button
            key={a}
            variant={a === 'verify' || a === 'reactivate' ? 'filled' : 'light'}
            color={a === 'verify' || a === 'reactivate' ? 'green' : 'red'}
            onClick={() => setAction(a)}
            data-testid={`accommodation-${a}`}
          >
            {t(`detail.${a}`)}
          </Button>
        ))}
      </Group>
      <ConfirmDialog
        opened={action !== null}
        title={action ? t(`detail.${action}Title`) : ''}
        message={
          <Stack gap="sm">
            {action && message(action) && <Text size="sm">{message(action)}</Text>}
            {action && needsReason(action) && (
              <Textarea
                label={t('detail.reasonLabel')}
                required
                autosize
                minRows={2}
                maxLength={500}
                value={reason}
                onChange={(event) => {
                  setReason(event.currentTarget.value);
                  setReasonMissing(false);
                }}
                error={reasonMissing ? tc('validation.required') : undefined}
                data-testid="accommodation-reason"
              />
            )}
          </Stack>
        }
        confirmLabel={action ? t(`detail.${action}`) : ''}
        color={action === 'verify' || action === 'reactivate' ? 'green' : 'red'}
        loading={change.isPending}
        error={change.error}
        onConfirm={() => {
          if (action && needsReason(action) && reason.trim() === '') {
            setReasonMissing(true);
            return;
          }
          void confirm().catch(() => undefined);
        }}
        onClose={close}
      />
    </>
  );
}

/** What verification will do about the operator's account, said before the office decides. */
function ApplicantNotice({ item }: { item: AccommodationDetail }) {
  const { t } = useTranslation('accommodations');
  switch (item.applicantAccount) {
    case 'taken':
      return (
        <Alert color="orange" variant="light" data-testid="accommodation-email-in-use">
          {t('detail.emailInUse')}
        </Alert>
      );
    case 'existing_operator':
      return (
        <Alert color="blue" variant="light" data-testid="accommodation-existing-operator">
          {t('detail.existingOperator')}
        </Alert>
      );
    case 'linked':
      return (
        <Alert color="blue" variant="light" data-testid="accommodation-filed-by-operator">
          {t('detail.filedByOperator')}
        </Alert>
      );
    case 'new':
    case null:
      return null;
  }
}

export function AccommodationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('accommodations');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const format = useFormat();
  const kindLabel = useCodeLabel('accommodation-kinds');
  const accommodation = useAccommodation(id);
  const [editing, setEditing] = useState(false);
  const back = { to: '/accommodations', label: t('detail.back') };

  if (accommodation.isPending) {
    return <PageLoader />;
  }
  if (accommodation.error) {
    return (
      <>
        <PageHeader title={t('list.title')} back={back} />
        <ErrorAlert error={accommodation.error} />
      </>
    );
  }
  const item = accommodation.data;
  const pin =
    item.latitude !== null && item.longitude !== null
      ? `${item.latitude.toFixed(5)}, ${item.longitude.toFixed(5)}`
      : null;
  return (
    <>
      <PageHeader
        title={item.name}
        back={back}
        badge={<AccommodationStatusBadge status={item.status} />}
        actions={
          can(me, 'accommodations.verify') && (
            <Group gap="xs">
              {item.status !== 'rejected' && (
                <Button variant="default" onClick={() => setEditing(true)} data-testid="accommodation-edit">
                  {t('detail.edit')}
                </Button>
              )}
              <StatusActions item={item} />
            </Group>
          )
        }
      />
      <PropertyFormModal opened={editing} title={t('detail.editTitle')} onClose={() => setEditing(false)}>
        <EditAccommodationForm key={item.updatedAt} item={item} onDone={() => setEditing(false)} />
      </PropertyFormModal>
      <Stack gap="md" maw={860}>
        <ApplicantNotice item={item} />
        {item.statusReason && (
          <Alert color={item.status === 'suspended' ? 'red' : 'gray'} variant="light">
            {t('fields.statusReason')}: {item.statusReason}
          </Alert>
        )}
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Field label={t('fields.kind')}>{kindLabel(item.kind)}</Field>
            <Field label="NIB">{item.nib}</Field>
            <Field label={t('fields.village')}>{item.village.label}</Field>
            <Field label={t('fields.address')}>{item.address}</Field>
            <Field label={t('fields.pin')}>
              {pin ? (
                <Anchor
                  href={`https://www.openstreetmap.org/?mlat=${item.latitude}&mlon=${item.longitude}#map=17/${item.latitude}/${item.longitude}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {pin}
                </Anchor>
              ) : (
                t('detail.noPin')
              )}
            </Field>
            <Field label={t('fields.contact')}>{[item.phone, item.email].join(' · ')}</Field>
            <Field label={t('fields.picName')}>{[item.picName, item.picPhone].filter(Boolean).join(' · ')}</Field>
            <Field label={t('fields.applicantEmail')}>{item.applicantEmail}</Field>
            <Field label={t('fields.registeredAt')}>{format.dateTime(item.createdAt)}</Field>
            <Field label={t('fields.verifiedAt')}>{format.dateTime(item.verifiedAt)}</Field>
            <Field label={t('fields.statusChangedBy')}>
              {item.statusChangedBy ? `${item.statusChangedBy.name} · ${format.dateTime(item.statusChangedAt)}` : ''}
            </Field>
            <Field label={t('fields.operators')}>
              {item.operators.length === 0
                ? t('detail.noOperators')
                : item.operators.map((o) => `${o.name} (${o.email})`).join(', ')}
            </Field>
          </SimpleGrid>
        </Paper>
        {can(me, 'compliance.read') && (
          <Anchor component={Link} to={`/compliance/properties/${item.id}`} data-testid="accommodation-compliance-link">
            {t('detail.compliance')}
          </Anchor>
        )}
        <Text size="xs" c="dimmed">
          {tc('fields.updatedAt')}: {format.dateTime(item.updatedAt)}
        </Text>
      </Stack>
    </>
  );
}
