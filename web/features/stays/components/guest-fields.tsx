// One guest of a check-in: paste the passport's MRZ (or the text a scanner app produced) and see what it says with
// every check digit, or type the fields. The server reads the MRZ again on submit; this is for the operator's eyes.
import { Badge, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { extractMrzLines, type StayGuest } from '../../../../contracts/stays';
import { useMrzReading } from '../api/use-mrz-reading';

export type GuestDraft = {
  mrz: string;
  surname: string;
  givenNames: string;
  nationality: string;
  documentNumber: string;
  documentIssuingState: string;
  birthDate: string;
  sex: '' | 'M' | 'F' | 'X';
};

export const emptyGuest = (): GuestDraft => ({
  mrz: '',
  surname: '',
  givenNames: '',
  nationality: '',
  documentNumber: '',
  documentIssuingState: '',
  birthDate: '',
  sex: '',
});

/** The guest as the API takes it: the MRZ when one was pasted, else the typed fields. */
export function guestOf(d: GuestDraft): StayGuest {
  if (d.mrz.trim() !== '') {
    return { mrz: d.mrz };
  }
  const up = (s: string) => s.trim().toUpperCase();
  return {
    surname: d.surname.trim(),
    givenNames: d.givenNames.trim(),
    nationality: up(d.nationality),
    documentNumber: up(d.documentNumber),
    documentIssuingState: up(d.documentIssuingState || d.nationality),
    ...(d.birthDate ? { birthDate: d.birthDate } : {}),
    ...(d.sex ? { sex: d.sex } : {}),
  };
}

function MrzSummary({ text }: { text: string }) {
  const { t } = useTranslation('stays');
  const reading = useMrzReading(extractMrzLines(text));
  if (!reading.data) {
    return null;
  }
  const { fields, checks, valid } = reading.data;
  return (
    <Stack gap={4} data-testid="mrz-summary">
      <Group gap={6}>
        <Badge color={valid ? 'green' : 'red'} data-testid="mrz-valid">
          {valid ? t('guest.mrzValid') : t('guest.mrzInvalid')}
        </Badge>
        {checks.map((c) => (
          <Badge key={`${c.field}-${c.line}-${c.column}`} variant="light" color={c.valid ? 'green' : 'red'}>
            {t(`guest.check.${c.field}`)} {c.valid ? '✓' : '✗'}
          </Badge>
        ))}
      </Group>
      {fields && (
        <Text size="sm" data-testid="mrz-fields">
          <b>
            {fields.surname} {fields.givenNames}
          </b>{' '}
          · {fields.nationality} · {fields.documentNumber} ({fields.issuingState}) · {fields.birthDate ?? '—'} ·{' '}
          {fields.sex ?? '—'}
        </Text>
      )}
    </Stack>
  );
}

export function GuestFields({
  index,
  value,
  onChange,
  onRemove,
}: {
  index: number;
  value: GuestDraft;
  onChange: (next: GuestDraft) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation('stays');
  const [mrz] = useDebouncedValue(value.mrz, 300);
  const set = (patch: Partial<GuestDraft>) => onChange({ ...value, ...patch });
  const typed = value.mrz.trim() === '';
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`guest-${index}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('guest.title', { n: index + 1 })}</Text>
          {onRemove && (
            <Text component="button" type="button" c="red" size="sm" onClick={onRemove} bg="none" bd="none">
              {t('guest.remove')}
            </Text>
          )}
        </Group>
        <Textarea
          label={t('guest.mrz')}
          description={t('guest.mrzHint')}
          autosize
          minRows={2}
          ff="monospace"
          value={value.mrz}
          onChange={(e) => set({ mrz: e.currentTarget.value })}
          data-testid="guest-mrz"
          autoCapitalize="characters"
          spellCheck={false}
        />
        {!typed && <MrzSummary text={mrz} />}
        {typed && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <TextInput
              label={t('guest.surname')}
              value={value.surname}
              onChange={(e) => set({ surname: e.currentTarget.value })}
            />
            <TextInput
              label={t('guest.givenNames')}
              value={value.givenNames}
              onChange={(e) => set({ givenNames: e.currentTarget.value })}
            />
            <TextInput
              label={t('guest.nationality')}
              placeholder="CHN"
              maxLength={3}
              value={value.nationality}
              onChange={(e) => set({ nationality: e.currentTarget.value })}
            />
            <TextInput
              label={t('guest.documentNumber')}
              value={value.documentNumber}
              onChange={(e) => set({ documentNumber: e.currentTarget.value })}
            />
            <TextInput
              label={t('guest.documentIssuingState')}
              placeholder="CHN"
              maxLength={3}
              value={value.documentIssuingState}
              onChange={(e) => set({ documentIssuingState: e.currentTarget.value })}
            />
            <TextInput
              label={t('guest.birthDate')}
              type="date"
              value={value.birthDate}
              onChange={(e) => set({ birthDate: e.currentTarget.value })}
            />
            <Select
              label={t('guest.sex')}
              data={[
                { value: 'M', label: t('guest.sexM') },
                { value: 'F', label: t('guest.sexF') },
                { value: 'X', label: t('guest.sexX') },
              ]}
              value={value.sex || null}
              onChange={(v) => set({ sex: (v ?? '') as GuestDraft['sex'] })}
              clearable
            />
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
