// A new current address: the previous one ends the day before this one starts (kept as history).
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormProvider, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type AddressCreate, addressCreate, sourceInput } from '../../../../contracts/persons';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { useAddAddress } from '../api/use-add-address';
import { placeServerErrors } from '../utils/form-errors';
import {
  type AddressValues,
  addressBody,
  emptyAddress,
  emptySource,
  formSchema,
  type SourceValues,
  sourceBody,
} from '../utils/form-values';
import { AddressFields } from './address-fields';
import { SourceFields } from './source-fields';

type Values = { address: AddressValues; source: SourceValues };

const schema = formSchema(
  (values: Values) => ({
    address: addressBody(values.address) ?? { regionCode: '' },
    source: sourceBody(values.source),
  }),
  z
    .object({ address: addressCreate, source: sourceInput.optional() })
    .transform(({ address, source }): AddressCreate => ({ ...address, ...(source ? { source } : {}) })),
);
const fields = [
  'address.regionCode',
  'address.text',
  'address.validFrom',
  'source.agencyId',
  'source.reference',
] as const satisfies readonly Path<Values>[];

export function AddAddressForm({
  personId,
  initial,
  onDone,
  onCancel,
}: {
  personId: string;
  initial?: AddressValues | undefined;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('persons');
  const { t: tc } = useTranslation();
  const add = useAddAddress(personId);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, AddressCreate>({
    resolver: contractResolver(schema),
    defaultValues: { address: initial ?? emptyAddress, source: emptySource },
  });
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (body) => {
    setSubmitError(null);
    try {
      await add.mutateAsync(body);
      notifications.show({ color: 'green', message: t('notify.addressAdded') });
      onDone();
    } catch (error) {
      if (!placeServerErrors(error, form.setError, fields, { prefix: 'address.' })) {
        setSubmitError(error);
      }
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate data-testid="address-form">
        <Stack gap="sm">
          <AddressFields withValidFrom />
          <Text size="xs" c="dimmed">
            {t('address.previousEnds')}
          </Text>
          <SourceFields />
          <ErrorAlert error={submitError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} data-testid="address-submit">
              {t('address.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
