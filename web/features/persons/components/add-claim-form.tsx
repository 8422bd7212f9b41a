// Another source's version of the identity (a police report, a Disnaker list…). It is kept beside the others and
// every disagreement is shown on the person page; "adopt" also makes it the identity the register uses.
import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormProvider, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type IdentityClaimCreate, identityClaimCreate } from '../../../../contracts/persons';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { useAddIdentityClaim } from '../api/use-add-identity-claim';
import { placeServerErrors } from '../utils/form-errors';
import {
  emptyIdentity,
  formSchema,
  type IdentityValues,
  identityBody,
  type SourceValues,
  sourceBody,
} from '../utils/form-values';
import { IdentityFields } from './identity-fields';
import { SourceFields } from './source-fields';

type Values = IdentityValues & { adopt: boolean; source: SourceValues };

const orUndefined = (value: string) => (value.trim() === '' ? undefined : value);

const schema = formSchema((values: Values) => {
  const identity = identityBody(values);
  return {
    ...identity,
    surname: orUndefined(identity.surname),
    givenNames: orUndefined(identity.givenNames),
    nationality: orUndefined(identity.nationality),
    adopt: values.adopt,
    source: sourceBody(values.source),
  };
}, identityClaimCreate);
const fields = [
  'surname',
  'givenNames',
  'fullName',
  'sex',
  'birthDate',
  'birthPlace',
  'nationality',
  'source.agencyId',
  'source.reference',
] as const satisfies readonly Path<Values>[];

export function AddClaimForm({
  personId,
  initial,
  onDone,
  onCancel,
}: {
  personId: string;
  initial?: IdentityValues | undefined;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('persons');
  const { t: tc } = useTranslation();
  const add = useAddIdentityClaim(personId);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, IdentityClaimCreate>({
    resolver: contractResolver(schema),
    defaultValues: {
      ...(initial ?? emptyIdentity),
      adopt: false,
      source: { kind: initial ? 'user' : 'agency', agencyId: '', reference: '' },
    },
  });
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (body) => {
    setSubmitError(null);
    try {
      await add.mutateAsync(body);
      notifications.show({ color: 'green', message: t('notify.claimAdded') });
      onDone();
    } catch (error) {
      if (!placeServerErrors(error, form.setError, fields)) {
        setSubmitError(error);
      }
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate data-testid="claim-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('claims.formHint')}
          </Text>
          <SourceFields />
          <IdentityFields testPrefix="claim" required={false} />
          <Checkbox
            label={t('claims.adopt')}
            description={t('claims.adoptHint')}
            data-testid="claim-adopt"
            {...form.register('adopt')}
          />
          <ErrorAlert error={submitError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} data-testid="claim-submit">
              {t('claims.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
