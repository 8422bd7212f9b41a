// A travel document: type, number, issuing state, issue and expiry dates. Filled from the MRZ or typed.
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MrzParseResponse } from '../../../../contracts/mrz';
import { documentTypeCodes } from '../../../../contracts/persons';
import { type DocumentValues, documentTypeOfCode } from '../utils/form-values';
import { CountrySelect } from './country-select';
import { DateField } from './date-field';
import { MrzHint } from './mrz-hint';

export function DocumentFields({ mrz }: { mrz?: MrzParseResponse | null }) {
  const { t } = useTranslation('persons');
  const { control, register, formState } = useFormContext<{ document: DocumentValues }>();
  const errors = formState.errors.document;
  const [type, number, issuingState, expiryDate] = useWatch({
    control,
    name: ['document.type', 'document.number', 'document.issuingState', 'document.expiryDate'],
  });
  const fields = mrz?.fields;
  const failed = (field: 'documentNumber' | 'expiryDate') =>
    mrz?.checks.some((check) => check.field === field && !check.valid) ?? false;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Controller
        control={control}
        name="document.type"
        render={({ field }) => (
          <Select
            label={t('document.type')}
            description={<MrzHint value={type} mrz={fields ? documentTypeOfCode(fields.documentCode) : undefined} />}
            data={documentTypeCodes.map((code) => ({ value: code, label: t(`documentType.${code}`) }))}
            clearable
            value={field.value || null}
            onChange={(value) => field.onChange((value ?? '') as DocumentValues['type'])}
            onBlur={field.onBlur}
            error={errors?.type?.message}
            data-testid="document-type"
            comboboxProps={{ withinPortal: true }}
          />
        )}
      />
      <TextInput
        label={t('document.number')}
        description={<MrzHint value={number} mrz={fields?.documentNumber} checkFailed={failed('documentNumber')} />}
        error={errors?.number?.message}
        autoComplete="off"
        autoCapitalize="characters"
        data-testid="document-number"
        {...register('document.number')}
      />
      <Controller
        control={control}
        name="document.issuingState"
        render={({ field }) => (
          <CountrySelect
            label={t('document.issuingState')}
            description={<MrzHint value={issuingState} mrz={fields?.issuingState} />}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors?.issuingState?.message}
            data-testid="document-issuing-state"
          />
        )}
      />
      <SimpleGrid cols={2} spacing="sm">
        <DateField
          control={control}
          name="document.issueDate"
          label={t('document.issueDate')}
          error={errors?.issueDate?.message}
          testId="document-issue-date"
        />
        <DateField
          control={control}
          name="document.expiryDate"
          label={t('document.expiryDate')}
          description={<MrzHint value={expiryDate ?? ''} mrz={fields?.expiryDate} checkFailed={failed('expiryDate')} />}
          error={errors?.expiryDate?.message}
          testId="document-expiry"
        />
      </SimpleGrid>
    </SimpleGrid>
  );
}
