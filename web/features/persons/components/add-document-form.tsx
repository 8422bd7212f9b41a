// A travel document for a person on file, typed or read from its MRZ. A newer document of the same type and issuing
// state supersedes the older ones (kept as history). The API refuses an MRZ of someone else (nationality, birth date
// or sex differ) and a document on file for another person; both are shown with what differs or who holds it.
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormProvider, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { MrzParseResponse } from '../../../../contracts/mrz';
import {
  type DuplicateCandidate,
  duplicateCandidate,
  type IdentityFieldName,
  identityFieldNames,
  sourceInput,
  type TravelDocumentCreate,
  travelDocumentCreate,
} from '../../../../contracts/persons';
import { ErrorAlert } from '../../../components/error-alert';
import { type ApiError, isApiError } from '../../../lib/api-client';
import { contractResolver } from '../../../lib/contract-resolver';
import { useAddTravelDocument } from '../api/use-add-travel-document';
import { placeServerErrors } from '../utils/form-errors';
import {
  type DocumentValues,
  documentBody,
  documentFromMrz,
  emptyDocument,
  emptySource,
  formSchema,
  type SourceValues,
  sourceBody,
} from '../utils/form-values';
import { DocumentFields } from './document-fields';
import { DuplicateCandidates } from './duplicate-candidates';
import { MrzReader } from './mrz-reader';
import { SourceFields } from './source-fields';

type Values = { document: DocumentValues; source: SourceValues };

const schema = formSchema(
  (values: Values) => ({ document: documentBody(values.document) ?? {}, source: sourceBody(values.source) }),
  z
    .object({ document: travelDocumentCreate, source: sourceInput.optional() })
    .transform(({ document, source }): TravelDocumentCreate => ({ ...document, ...(source ? { source } : {}) })),
);
const fields = [
  'document.type',
  'document.number',
  'document.issuingState',
  'document.issueDate',
  'document.expiryDate',
  'source.agencyId',
  'source.reference',
] as const satisfies readonly Path<Values>[];

const mismatchList = z.array(z.object({ field: z.string(), given: z.string().nullable(), mrz: z.string().nullable() }));
const candidatesProblem = z.object({ candidates: z.array(duplicateCandidate), hiddenCandidates: z.number().int() });

const isIdentityField = (field: string): field is IdentityFieldName =>
  (identityFieldNames as readonly string[]).includes(field);

function MismatchAlert({ error }: { error: ApiError }) {
  const { t } = useTranslation('persons');
  const mismatches = mismatchList.safeParse(error.details.mismatches);
  if (!mismatches.success) {
    return null;
  }
  return (
    <Alert color="red" title={t('mrz.otherHolder')} data-testid="mrz-mismatch">
      <List size="sm">
        {mismatches.data.map((m) => (
          <List.Item key={m.field}>
            {t('mrz.mismatchLine', {
              field: isIdentityField(m.field) ? t(`identityField.${m.field}`) : m.field,
              person: m.given ?? '—',
              mrz: m.mrz ?? '—',
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function AddDocumentForm({
  personId,
  initial,
  onDone,
  onCancel,
}: {
  personId: string;
  initial?: DocumentValues | undefined;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('persons');
  const { t: tc } = useTranslation();
  const add = useAddTravelDocument(personId);
  const [mrz, setMrz] = useState<MrzParseResponse | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [holders, setHolders] = useState<{ candidates: DuplicateCandidate[]; hiddenCandidates: number } | null>(null);
  const form = useForm<Values, unknown, TravelDocumentCreate>({
    resolver: contractResolver(schema),
    defaultValues: { document: initial ?? emptyDocument, source: emptySource },
  });
  const { isSubmitting, isSubmitted } = form.formState;

  const applyMrz = (result: MrzParseResponse) => {
    if (result.fields) {
      form.setValue('document', documentFromMrz(result.fields, result.lines, result.valid), {
        shouldDirty: true,
        shouldValidate: isSubmitted,
      });
      setMrz(result);
    }
  };

  const submit = form.handleSubmit(async (body) => {
    setSubmitError(null);
    setHolders(null);
    try {
      await add.mutateAsync(body);
      notifications.show({ color: 'green', message: t('notify.documentAdded') });
      onDone();
    } catch (error) {
      if (isApiError(error, 'DUPLICATE_CANDIDATES')) {
        const problem = candidatesProblem.safeParse(error.details);
        setHolders(problem.success ? problem.data : { candidates: [], hiddenCandidates: 0 });
        return;
      }
      if (!placeServerErrors(error, form.setError, fields, { prefix: 'document.' })) {
        setSubmitError(error);
      }
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate data-testid="document-form">
        <Stack gap="sm">
          <MrzReader onApply={applyMrz} applied={mrz} />
          <DocumentFields mrz={mrz} />
          <Text size="xs" c="dimmed">
            {t('document.supersedeHint')}
          </Text>
          <SourceFields />
          {holders && <DuplicateCandidates {...holders} />}
          {isApiError(submitError, 'MRZ_MISMATCH') ? (
            <MismatchAlert error={submitError} />
          ) : (
            <ErrorAlert error={submitError} />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} data-testid="document-submit">
              {t('document.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
