// The person page: status and why, the identity beside every source's version, names, travel documents with their
// history, permits on a timeline, addresses with their history, the chronology, and who viewed the record. Each
// section has its form to add to it. Facts typed for a new person who turned out to be this one arrive in the
// navigation state and are offered here one by one.
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowRight, IconArrowsJoin, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { PersonStatusBadge } from '../../../components/person-status-badge';
import { can } from '../../../lib/permissions';
import { personDisplayName } from '../../../lib/person-name';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { usePerson } from '../api/use-person';
import { AddAddressForm } from '../components/add-address-form';
import { AddClaimForm } from '../components/add-claim-form';
import { AddDocumentForm } from '../components/add-document-form';
import { AddNameForm } from '../components/add-name-form';
import { AddPermitForm } from '../components/add-permit-form';
import { AddressesSection } from '../components/addresses-section';
import { Chronology } from '../components/chronology';
import { DocumentsSection } from '../components/documents-section';
import { FactModal } from '../components/fact-modal';
import { IdentitySection } from '../components/identity-section';
import { MergeDialog } from '../components/merge-dialog';
import { MergeHistorySection } from '../components/merge-history-section';
import { NamesSection } from '../components/names-section';
import { PermitsSection } from '../components/permits-section';
import { PersonStaysSection } from '../components/person-stays-section';
import { SectionCard } from '../components/section-card';
import { StatusSummary } from '../components/status-summary';
import { ViewersSection } from '../components/viewers-section';
import { type PendingFacts, pendingFactsOf } from '../utils/pending-facts';

type FormName = 'claim' | 'name' | 'document' | 'permit' | 'address';
type OpenForm = { name: FormName; fromPending: boolean } | null;

/** The pending fact each form takes (a name is never pending). */
const pendingKeyOf: Record<FormName, keyof PendingFacts | null> = {
  claim: 'identity',
  name: null,
  document: 'document',
  permit: 'permit',
  address: 'address',
};

function AddButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}

function PendingFactsBanner({
  pending,
  onAdd,
  onDismiss,
}: {
  pending: PendingFacts;
  onAdd: (name: FormName) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('persons');
  const offers: { name: FormName; label: string }[] = [
    ...(pending.identity ? [{ name: 'claim' as const, label: t('pending.identity') }] : []),
    ...(pending.document ? [{ name: 'document' as const, label: t('pending.document') }] : []),
    ...(pending.permit ? [{ name: 'permit' as const, label: t('pending.permit') }] : []),
    ...(pending.address ? [{ name: 'address' as const, label: t('pending.address') }] : []),
  ];
  if (offers.length === 0) {
    return null;
  }
  return (
    <Alert color="blue" icon={<IconFileImport size={18} />} title={t('pending.title')} data-testid="pending-facts">
      <Stack gap="xs">
        <Text size="sm">{t('pending.text')}</Text>
        <Group gap="xs">
          {offers.map((offer) => (
            <Button
              key={offer.name}
              size="xs"
              variant="light"
              rightSection={<IconArrowRight size={14} />}
              onClick={() => onAdd(offer.name)}
              data-testid={`pending-${offer.name}`}
            >
              {offer.label}
            </Button>
          ))}
          <Button size="xs" variant="subtle" color="gray" onClick={onDismiss}>
            {t('pending.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('persons');
  const me = useSignedInUser();
  const location = useLocation();
  const navigate = useNavigate();
  const person = usePerson(id);
  const [open, setOpen] = useState<OpenForm>(null);
  const [merging, setMerging] = useState(false);
  const [pending, setPending] = useState<PendingFacts | null>(() => pendingFactsOf(location.state));
  const name = person.data ? personDisplayName(person.data) : t('title');
  useDocumentTitle(`${name} · PORA`);
  const back = { to: '/register', label: t('back') };
  const mayWrite = can(me, 'persons.write');
  const canSeeSponsors = can(me, 'sponsors.read');

  if (person.isPending) {
    return <PageLoader />;
  }
  if (person.error) {
    return (
      <>
        <PageHeader title={t('title')} back={back} />
        <ErrorAlert error={person.error} />
      </>
    );
  }
  const item = person.data;
  // A merged-away record takes no writes: its facts live on the record it went into.
  const canWrite = mayWrite && item.mergedInto === null;
  const mergedAway = item.merges.find((m) => m.undoneAt === null && m.source.id === item.id);

  const openForm = (formName: FormName, fromPending = false) => setOpen({ name: formName, fromPending });
  const close = () => setOpen(null);
  /** A pending fact, once added, is no longer offered. */
  const done = () => {
    const added = open?.fromPending ? pendingKeyOf[open.name] : null;
    if (added && pending) {
      const rest = { ...pending };
      delete rest[added];
      setPending(Object.keys(rest).length > 0 ? rest : null);
    }
    close();
  };
  const dismissPending = () => {
    setPending(null);
    void navigate(location.pathname, { replace: true, state: null });
  };
  const initial = <K extends keyof PendingFacts>(key: K) => (open?.fromPending ? pending?.[key] : undefined);
  const titles: Record<FormName, string> = {
    claim: t('claims.add'),
    name: t('names.add'),
    document: t('document.add'),
    permit: t('permit.add'),
    address: t('address.add'),
  };

  return (
    <>
      <PageHeader
        title={<span data-testid="person-name">{name}</span>}
        description={item.fullName && item.fullName !== name ? item.fullName : undefined}
        back={back}
        badge={<PersonStatusBadge status={item.status} />}
        actions={
          canWrite && (
            <Button
              variant="default"
              leftSection={<IconArrowsJoin size={16} />}
              onClick={() => setMerging(true)}
              data-testid="merge-open"
            >
              {t('merge.action')}
            </Button>
          )
        }
      />
      <Stack gap="md" maw={1200}>
        {item.mergedInto && (
          <Alert color="gray" icon={<IconArrowsJoin size={18} />} data-testid="person-merged">
            <Stack gap={4}>
              <Text size="sm">
                {mergedAway?.target.name ? t('merge.banner', { name: mergedAway.target.name }) : t('merged')}{' '}
                <Anchor component={Link} to={`/register/${item.mergedInto}`} data-testid="person-merged-link">
                  {t('mergedOpen')}
                </Anchor>
              </Text>
              {item.mergedIntoLatest && item.mergedIntoLatest !== item.mergedInto && (
                <Text size="sm">
                  {t('merge.bannerChain')}{' '}
                  <Anchor component={Link} to={`/register/${item.mergedIntoLatest}`}>
                    {t('merge.openLatest')}
                  </Anchor>
                </Text>
              )}
              {mergedAway && (
                <Text size="sm" c="dimmed">
                  {t('merge.bannerReason', { reason: mergedAway.reason })}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        {canWrite && pending && (
          <PendingFactsBanner
            pending={pending}
            onAdd={(formName) => openForm(formName, true)}
            onDismiss={dismissPending}
          />
        )}
        <StatusSummary person={item} canSeeSponsors={canSeeSponsors} />
        <SectionCard
          title={t('sections.identity')}
          testId="section-identity"
          action={
            canWrite && <AddButton label={t('claims.add')} onClick={() => openForm('claim')} testId="claim-add" />
          }
        >
          <IdentitySection person={item} />
        </SectionCard>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="md">
            <SectionCard
              title={t('sections.names')}
              testId="section-names"
              action={
                canWrite && <AddButton label={t('names.add')} onClick={() => openForm('name')} testId="name-add" />
              }
            >
              <NamesSection person={item} />
            </SectionCard>
            <SectionCard
              title={t('sections.documents')}
              testId="section-documents"
              action={
                canWrite && (
                  <AddButton label={t('document.add')} onClick={() => openForm('document')} testId="document-add" />
                )
              }
            >
              <DocumentsSection person={item} />
            </SectionCard>
            <SectionCard
              title={t('sections.addresses')}
              testId="section-addresses"
              action={
                canWrite && (
                  <AddButton label={t('address.add')} onClick={() => openForm('address')} testId="address-add" />
                )
              }
            >
              <AddressesSection person={item} />
            </SectionCard>
          </Stack>
          <Stack gap="md">
            <SectionCard
              title={t('sections.permits')}
              testId="section-permits"
              action={
                canWrite && <AddButton label={t('permit.add')} onClick={() => openForm('permit')} testId="permit-add" />
              }
            >
              <PermitsSection person={item} canSeeSponsors={canSeeSponsors} />
            </SectionCard>
            {can(me, 'stays.read') && <PersonStaysSection personId={item.id} />}
            <SectionCard title={t('sections.chronology')} testId="section-chronology">
              <Chronology person={item} />
            </SectionCard>
            <SectionCard title={t('sections.viewers')} testId="section-viewers">
              <ViewersSection person={item} />
            </SectionCard>
            {item.merges.length > 0 && (
              <SectionCard title={t('sections.merges')} testId="section-merges">
                <MergeHistorySection person={item} canWrite={mayWrite} />
              </SectionCard>
            )}
          </Stack>
        </SimpleGrid>
      </Stack>

      <FactModal opened={open !== null} onClose={close} title={open ? titles[open.name] : ''}>
        {open?.name === 'claim' && (
          <AddClaimForm personId={item.id} initial={initial('identity')} onDone={done} onCancel={close} />
        )}
        {open?.name === 'name' && <AddNameForm personId={item.id} onDone={done} onCancel={close} />}
        {open?.name === 'document' && (
          <AddDocumentForm personId={item.id} initial={initial('document')} onDone={done} onCancel={close} />
        )}
        {open?.name === 'permit' && (
          <AddPermitForm
            personId={item.id}
            initial={initial('permit')}
            defaultSponsorId={item.sponsor?.id}
            onDone={done}
            onCancel={close}
          />
        )}
        {open?.name === 'address' && (
          <AddAddressForm personId={item.id} initial={initial('address')} onDone={done} onCancel={close} />
        )}
      </FactModal>
      {/* Mounted while the merge runs: the page turns into a merged-away record before the answer is handled. */}
      {mayWrite && <MergeDialog person={item} opened={merging} onClose={() => setMerging(false)} />}
    </>
  );
}
