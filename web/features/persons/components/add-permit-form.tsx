// A stay permit for a person on file: type, visa index, number, validity, entry, sponsor. The person's status follows
// the permit that counts (the API decides which).
import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormProvider, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type PermitCreate, permitCreate, sourceInput } from '../../../../contracts/persons';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { useAddPermit } from '../api/use-add-permit';
import { placeServerErrors } from '../utils/form-errors';
import {
  emptyPermit,
  emptySource,
  formSchema,
  type PermitValues,
  permitBody,
  type SourceValues,
  sourceBody,
} from '../utils/form-values';
import { PermitFields } from './permit-fields';
import { SourceFields } from './source-fields';

type Values = { permit: PermitValues; source: SourceValues };

const schema = formSchema(
  (values: Values) => ({
    permit: permitBody(values.permit) ?? { type: values.permit.type as PermitCreate['type'] },
    source: sourceBody(values.source),
  }),
  z
    .object({ permit: permitCreate.omit({ source: true }), source: sourceInput.optional() })
    .transform(({ permit, source }): PermitCreate => ({ ...permit, ...(source ? { source } : {}) })),
);
const fields = [
  'permit.type',
  'permit.visaIndex',
  'permit.number',
  'permit.validFrom',
  'permit.validUntil',
  'permit.entryDate',
  'permit.entryPort',
  'permit.sponsorId',
  'source.agencyId',
  'source.reference',
] as const satisfies readonly Path<Values>[];

export function AddPermitForm({
  personId,
  initial,
  defaultSponsorId,
  onDone,
  onCancel,
}: {
  personId: string;
  initial?: PermitValues | undefined;
  /** the person's sponsor, proposed for the new permit */
  defaultSponsorId?: string | undefined;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('persons');
  const { t: tc } = useTranslation();
  const add = useAddPermit(personId);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, PermitCreate>({
    resolver: contractResolver(schema),
    defaultValues: {
      permit: initial ?? { ...emptyPermit, sponsorId: defaultSponsorId ?? '' },
      source: emptySource,
    },
  });
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (body) => {
    setSubmitError(null);
    try {
      await add.mutateAsync(body);
      notifications.show({ color: 'green', message: t('notify.permitAdded') });
      onDone();
    } catch (error) {
      if (!placeServerErrors(error, form.setError, fields, { prefix: 'permit.' })) {
        setSubmitError(error);
      }
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate data-testid="permit-form">
        <Stack gap="sm">
          <PermitFields withSponsor />
          <SourceFields />
          <ErrorAlert error={submitError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} data-testid="permit-submit">
              {t('permit.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
