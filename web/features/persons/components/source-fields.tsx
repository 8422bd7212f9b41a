// Where the facts of a form come from: the officer's own agency (the default), or another agency whose letter or
// report the officer is recording, with a reference. The person page shows this source beside every fact.
import { SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../../components/agency-select';
import { useSignedInUser } from '../../../lib/signed-in-user';
import type { SourceValues } from '../utils/form-values';

export function SourceFields({ agencyRequired = false }: { agencyRequired?: boolean }) {
  const { t } = useTranslation('persons');
  const me = useSignedInUser();
  const { control, register, formState } = useFormContext<{ source: SourceValues }>();
  const kind = useWatch({ control, name: 'source.kind' });
  const errors = formState.errors.source;

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('source.title')}
      </Text>
      {!agencyRequired && (
        <Controller
          control={control}
          name="source.kind"
          render={({ field }) => (
            <SegmentedControl
              value={field.value}
              onChange={(value) => field.onChange(value as SourceValues['kind'])}
              data={[
                { value: 'user', label: t('source.mine') },
                { value: 'agency', label: t('source.otherAgency') },
              ]}
              fullWidth
              data-testid="source-kind"
            />
          )}
        />
      )}
      {kind === 'user' && !agencyRequired ? (
        <Text size="xs" c="dimmed">
          {t('source.mineHint', { agency: me.agency.name })}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {(kind === 'agency' || agencyRequired) && (
          <Controller
            control={control}
            name="source.agencyId"
            render={({ field }) => (
              <AgencySelect
                label={t('source.agency')}
                required
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                error={errors?.agencyId?.message}
                data-testid="source-agency"
              />
            )}
          />
        )}
        <TextInput
          label={t('source.reference')}
          description={t('source.referenceHint')}
          error={errors?.reference?.message}
          data-testid="source-reference"
          {...register('source.reference')}
        />
      </SimpleGrid>
    </Stack>
  );
}
