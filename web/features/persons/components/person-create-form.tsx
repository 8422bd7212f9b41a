// A new foreigner in one form: the MRZ first (paste, check, fill), then identity, travel document, stay permit,
// address and sponsor. Empty optional sections are left out of the request. When the API finds the person may be on
// file (409 DUPLICATE_CANDIDATES), the candidates appear above the button with the two ways on.
import {
  Button,
  Divider,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useRef, useState } from 'react';
import { Controller, FormProvider, type Path, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { MrzParseResponse } from '../../../../contracts/mrz';
import {
  type DuplicateCandidate,
  duplicateCandidate,
  type PersonCreate,
  type PersonCreateParsed,
  type PersonDetail,
  personCreate,
} from '../../../../contracts/persons';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { contractResolver } from '../../../lib/contract-resolver';
import { can } from '../../../lib/permissions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { placeServerErrors } from '../utils/form-errors';
import {
  type AddressValues,
  addressBody,
  type DocumentValues,
  documentBody,
  documentFromMrz,
  emptyAddress,
  emptyDocument,
  emptyIdentity,
  emptyPermit,
  emptySource,
  emptySponsor,
  formSchema,
  type IdentityValues,
  identityBody,
  type PermitValues,
  permitBody,
  type SourceValues,
  type SponsorQuickValues,
  sourceBody,
} from '../utils/form-values';
import { toLocalPartialDate } from '../utils/partial-date';
import type { PendingFacts } from '../utils/pending-facts';
import { AddressFields } from './address-fields';
import { DocumentFields } from './document-fields';
import { DuplicateCandidates } from './duplicate-candidates';
import { IdentityFields } from './identity-fields';
import { MrzReader } from './mrz-reader';
import { PermitFields } from './permit-fields';
import { SourceFields } from './source-fields';
import { SponsorQuickFields } from './sponsor-quick-fields';
import { SponsorSelect } from './sponsor-select';

type SponsorMode = 'none' | 'existing' | 'new';

type Values = IdentityValues & {
  workplace: string;
  notes: string;
  document: DocumentValues;
  permit: PermitValues;
  address: AddressValues;
  sponsorMode: SponsorMode;
  sponsorId: string;
  sponsor: SponsorQuickValues;
  source: SourceValues;
};

const defaultValues: Values = {
  ...emptyIdentity,
  workplace: '',
  notes: '',
  document: emptyDocument,
  permit: emptyPermit,
  address: emptyAddress,
  sponsorMode: 'none',
  sponsorId: '',
  sponsor: emptySponsor,
  source: emptySource,
};

function toBody(values: Values): PersonCreate {
  return {
    ...identityBody(values),
    workplace: values.workplace,
    notes: values.notes,
    document: documentBody(values.document),
    permit: permitBody({ ...values.permit, sponsorId: '' }),
    address: addressBody(values.address),
    sponsorId: values.sponsorMode === 'existing' ? values.sponsorId : undefined,
    sponsor: values.sponsorMode === 'new' ? values.sponsor : undefined,
    source: sourceBody(values.source),
  };
}

const schema = formSchema(toBody, personCreate);

const fields = [
  'surname',
  'givenNames',
  'fullName',
  'sex',
  'birthDate',
  'birthPlace',
  'nationality',
  'workplace',
  'notes',
  'document.type',
  'document.number',
  'document.issuingState',
  'document.issueDate',
  'document.expiryDate',
  'permit.type',
  'permit.visaIndex',
  'permit.number',
  'permit.validFrom',
  'permit.validUntil',
  'permit.entryDate',
  'permit.entryPort',
  'address.regionCode',
  'address.text',
  'sponsorId',
  'sponsor.name',
  'sponsor.registrationNo',
  'sponsor.contactPerson',
  'sponsor.phone',
  'sponsor.email',
  'source.agencyId',
  'source.reference',
] as const satisfies readonly Path<Values>[];

const candidatesProblem = z.object({
  candidates: z.array(duplicateCandidate),
  hiddenCandidates: z.number().int(),
});

/** documentOnFile: a candidate holds the same document, so creating anyway is refused (409 DUPLICATE_DOCUMENT). */
type Duplicates = { candidates: DuplicateCandidate[]; hiddenCandidates: number; documentOnFile: boolean };

function Section({ title, optional, children }: { title: string; optional?: boolean; children: ReactNode }) {
  const { t } = useTranslation('persons');
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Group gap="xs" mb="sm" align="baseline">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {optional && (
          <Text size="sm" c="dimmed">
            {t('form.optional')}
          </Text>
        )}
      </Group>
      {children}
    </Paper>
  );
}

export function PersonCreateForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (body: PersonCreateParsed) => Promise<PersonDetail>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('persons');
  const { t: tc } = useTranslation();
  const me = useSignedInUser();
  const form = useForm<Values, unknown, PersonCreateParsed>({
    resolver: contractResolver(schema),
    defaultValues,
  });
  const { isSubmitting, isSubmitted } = form.formState;
  const sponsorMode = useWatch({ control: form.control, name: 'sponsorMode' });
  const [mrz, setMrz] = useState<MrzParseResponse | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null);
  const confirmNewPerson = useRef(false);
  const duplicatesRef = useRef<HTMLDivElement>(null);
  const canCreateSponsor = can(me, 'sponsors.write');
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  const applyMrz = (result: MrzParseResponse) => {
    const read = result.fields;
    if (!read) {
      return;
    }
    const options = { shouldDirty: true, shouldValidate: isSubmitted };
    form.setValue('surname', read.surname, options);
    form.setValue('givenNames', read.givenNames, options);
    form.setValue('sex', read.sex ?? '', options);
    form.setValue('birthDate', toLocalPartialDate(read.birthDate), options);
    form.setValue('nationality', read.nationality, options);
    form.setValue('document', documentFromMrz(read, result.lines, result.valid), options);
    setMrz(result);
  };

  const pendingFacts = (): PendingFacts => {
    const values = form.getValues();
    return {
      identity: {
        surname: values.surname,
        givenNames: values.givenNames,
        fullName: values.fullName,
        sex: values.sex,
        birthDate: values.birthDate,
        birthPlace: values.birthPlace,
        nationality: values.nationality,
      },
      ...(documentBody(values.document) ? { document: values.document } : {}),
      ...(permitBody(values.permit) ? { permit: values.permit } : {}),
      ...(addressBody(values.address) ? { address: values.address } : {}),
    };
  };

  const submit = form.handleSubmit(async (body) => {
    setSubmitError(null);
    const confirmed = confirmNewPerson.current;
    confirmNewPerson.current = false;
    try {
      await onSubmit({ ...body, confirmNewPerson: confirmed });
    } catch (error) {
      if (isApiError(error, 'DUPLICATE_CANDIDATES') || isApiError(error, 'DUPLICATE_DOCUMENT')) {
        const problem = candidatesProblem.safeParse(error.details);
        const found = problem.success ? problem.data : { candidates: [], hiddenCandidates: 0 };
        setDuplicates({
          ...found,
          documentOnFile:
            error.code === 'DUPLICATE_DOCUMENT' || found.candidates.some((c) => c.reasons.includes('document')),
        });
        requestAnimationFrame(() => duplicatesRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' }));
        return;
      }
      setDuplicates(null);
      const placed = placeServerErrors(error, form.setError, fields, { aliases: { name: 'surname' } });
      if (!placed) {
        setSubmitError(error);
      }
    }
  });

  const createAnyway = () => {
    confirmNewPerson.current = true;
    void submit();
  };

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate data-testid="person-form">
        <Stack gap="md" maw={960}>
          <MrzReader onApply={applyMrz} applied={mrz} />
          <Section title={t('sections.identity')}>
            <IdentityFields testPrefix="person" mrz={mrz?.fields} />
          </Section>
          <Section title={t('sections.document')} optional>
            <DocumentFields mrz={mrz} />
          </Section>
          <Section title={t('sections.permit')} optional>
            <PermitFields />
          </Section>
          <Section title={t('sections.address')} optional>
            <AddressFields />
          </Section>
          <Section title={t('sections.sponsor')} optional>
            <Stack gap="sm">
              <Controller
                control={form.control}
                name="sponsorMode"
                render={({ field }) => (
                  <SegmentedControl
                    value={field.value}
                    onChange={(value) => field.onChange(value as SponsorMode)}
                    data={[
                      { value: 'none', label: t('sponsor.mode.none') },
                      { value: 'existing', label: t('sponsor.mode.existing') },
                      ...(canCreateSponsor ? [{ value: 'new', label: t('sponsor.mode.new') }] : []),
                    ]}
                    fullWidth
                    orientation={isPhone ? 'vertical' : 'horizontal'}
                    data-testid="sponsor-mode"
                  />
                )}
              />
              {sponsorMode === 'existing' && (
                <Controller
                  control={form.control}
                  name="sponsorId"
                  render={({ field, fieldState }) => (
                    <SponsorSelect
                      label={t('sponsor.pick')}
                      required
                      value={field.value || null}
                      onChange={(value) => field.onChange(value ?? '')}
                      onBlur={field.onBlur}
                      error={fieldState.error?.message}
                      data-testid="sponsor-select"
                    />
                  )}
                />
              )}
              {sponsorMode === 'new' && <SponsorQuickFields />}
            </Stack>
          </Section>
          <Section title={t('sections.other')} optional>
            <Stack gap="sm">
              <TextInput
                label={t('fields.workplace')}
                error={form.formState.errors.workplace?.message}
                data-testid="person-workplace"
                {...form.register('workplace')}
              />
              <Textarea
                label={t('fields.notes')}
                autosize
                minRows={2}
                error={form.formState.errors.notes?.message}
                data-testid="person-notes"
                {...form.register('notes')}
              />
              <Divider />
              <SourceFields />
            </Stack>
          </Section>
          <div ref={duplicatesRef}>
            {duplicates && (
              <DuplicateCandidates
                candidates={duplicates.candidates}
                hiddenCandidates={duplicates.hiddenCandidates}
                pending={pendingFacts()}
                onCreateAnyway={duplicates.documentOnFile ? undefined : createAnyway}
                creating={isSubmitting}
              />
            )}
          </div>
          <ErrorAlert error={submitError} />
          {Object.keys(form.formState.errors).length > 0 && (
            <Text size="sm" c="red.8" role="alert" data-testid="form-has-errors">
              {t('form.hasErrors')}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting && !duplicates} data-testid="person-submit">
              {t('create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
