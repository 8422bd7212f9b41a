// Another name the person is known by: an alias, a transliteration, or the name as a document writes it.
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, FormProvider, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type PersonNameCreate, personNameCreate } from '../../../../contracts/persons';
import { ErrorAlert } from '../../../components/error-alert';
import { contractResolver } from '../../../lib/contract-resolver';
import { useAddPersonName } from '../api/use-add-person-name';
import { placeServerErrors } from '../utils/form-errors';
import { emptySource, formSchema, type SourceValues, sourceBody } from '../utils/form-values';
import { SourceFields } from './source-fields';

type Values = {
  kind: 'alias' | 'transliteration' | 'document';
  surname: string;
  givenNames: string;
  fullName: string;
  source: SourceValues;
};

const schema = formSchema(
  (values: Values) => ({
    kind: values.kind,
    surname: values.surname,
    givenNames: values.givenNames,
    fullName: values.fullName,
    source: sourceBody(values.source),
  }),
  personNameCreate,
);
const fields = [
  'kind',
  'surname',
  'givenNames',
  'fullName',
  'source.agencyId',
  'source.reference',
] as const satisfies readonly Path<Values>[];

export function AddNameForm({
  personId,
  onDone,
  onCancel,
}: {
  personId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('persons');
  const { t: tc } = useTranslation();
  const add = useAddPersonName(personId);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<Values, unknown, PersonNameCreate>({
    resolver: contractResolver(schema),
    defaultValues: { kind: 'alias', surname: '', givenNames: '', fullName: '', source: emptySource },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (body) => {
    setSubmitError(null);
    try {
      await add.mutateAsync(body);
      notifications.show({ color: 'green', message: t('notify.nameAdded') });
      onDone();
    } catch (error) {
      if (!placeServerErrors(error, form.setError, fields)) {
        setSubmitError(error);
      }
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate data-testid="name-form">
        <Stack gap="sm">
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Select
                label={t('names.kind')}
                required
                data={(['alias', 'transliteration', 'document'] as const).map((kind) => ({
                  value: kind,
                  label: t(`nameKind.${kind}`),
                }))}
                value={field.value}
                onChange={(value) => field.onChange(value ?? 'alias')}
                allowDeselect={false}
                error={errors.kind?.message}
                data-testid="name-kind"
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('fields.surname')}
              error={errors.surname?.message}
              data-testid="name-surname"
              {...form.register('surname')}
            />
            <TextInput
              label={t('fields.givenNames')}
              error={errors.givenNames?.message}
              data-testid="name-given-names"
              {...form.register('givenNames')}
            />
          </SimpleGrid>
          <TextInput
            label={t('fields.fullName')}
            description={t('fields.fullNameHint')}
            error={errors.fullName?.message}
            data-testid="name-full-name"
            {...form.register('fullName')}
          />
          <SourceFields />
          <ErrorAlert error={submitError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} data-testid="name-submit">
              {t('names.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
