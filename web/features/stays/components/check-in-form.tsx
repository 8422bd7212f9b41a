// "Lapor tamu": arrival, expected check-out, room and purpose, then one or more guests (a family or a tour is one
// report). The answer shows every guest's receipt number. One Idempotency-Key per filled-in form: pressing the button
// again after a timeout cannot report the same guests twice.
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInResult, VisitPurpose } from '../../../../contracts/stays';
import { ErrorAlert } from '../../../components/error-alert';
import { useCodeOptions } from '../../../lib/api/use-code-table';
import { useCheckIn } from '../api/use-check-in';
import { requestFieldLabel } from '../utils/row-field';
import { emptyGuest, type GuestDraft, GuestFields, guestOf } from './guest-fields';

const pad = (n: number) => String(n).padStart(2, '0');
/** "YYYY-MM-DDTHH:mm" in the browser's zone, for a datetime-local input. */
function localInputValue(d: Date) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const tomorrow = () => localInputValue(new Date(Date.now() + 86_400_000)).slice(0, 10);

export function CheckInForm({ accommodationId }: { accommodationId: string }) {
  const { t } = useTranslation('stays');
  const purposes = useCodeOptions('visit-purposes');
  const checkIn = useCheckIn();
  const [arrivedAt, setArrivedAt] = useState(() => localInputValue(new Date()));
  const [expectedCheckOut, setExpectedCheckOut] = useState(tomorrow);
  const [room, setRoom] = useState('');
  const [visitPurpose, setVisitPurpose] = useState<string | null>('tourism');
  const [guests, setGuests] = useState<GuestDraft[]>([emptyGuest()]);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<CheckInResult | null>(null);

  const reset = () => {
    setGuests([emptyGuest()]);
    setRoom('');
    setArrivedAt(localInputValue(new Date()));
    setIdempotencyKey(crypto.randomUUID());
    checkIn.reset();
  };
  const edit =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      // a changed form is a new report
      setIdempotencyKey(crypto.randomUUID());
      setter(v);
    };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    checkIn.mutate(
      {
        idempotencyKey,
        body: {
          accommodationId,
          arrivedAt: new Date(arrivedAt).toISOString(),
          expectedCheckOut,
          visitPurpose: (visitPurpose ?? 'other') as VisitPurpose,
          ...(room.trim() ? { room: room.trim() } : {}),
          guests: guests.map(guestOf),
        },
      },
      { onSuccess: (r) => setResult(r) },
    );
  };

  if (result) {
    return (
      <Alert color="green" icon={<IconCircleCheck />} title={t('form.successTitle')} data-testid="check-in-success">
        <Stack gap="xs">
          {result.guests.map((g, i) => (
            <Text key={g.stayId ?? i} size="sm">
              {t('form.receipt', { n: i + 1 })}: <b data-testid="receipt-number">{g.receiptNumber}</b>
              {g.isLate ? ` · ${t('late')}` : ''}
            </Text>
          ))}
          <Group>
            <Button
              onClick={() => {
                setResult(null);
                reset();
              }}
            >
              {t('form.another')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <Paper component="form" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <TextInput
            type="datetime-local"
            label={t('form.arrivedAt')}
            required
            value={arrivedAt}
            onChange={(e) => edit(setArrivedAt)(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('form.expectedCheckOut')}
            required
            value={expectedCheckOut}
            onChange={(e) => edit(setExpectedCheckOut)(e.currentTarget.value)}
          />
          <TextInput label={t('form.room')} value={room} onChange={(e) => edit(setRoom)(e.currentTarget.value)} />
          <Select
            label={t('form.visitPurpose')}
            required
            data={purposes.options}
            value={visitPurpose}
            onChange={edit(setVisitPurpose)}
          />
        </SimpleGrid>
        {guests.map((g, i) => (
          <GuestFields
            // biome-ignore lint/suspicious/noArrayIndexKey: guests have no identity before they are reported
            key={i}
            index={i}
            value={g}
            onChange={(next) => edit(setGuests)(guests.map((x, j) => (j === i ? next : x)))}
            {...(guests.length > 1 ? { onRemove: () => edit(setGuests)(guests.filter((_, j) => j !== i)) } : {})}
          />
        ))}
        <Group justify="space-between">
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            onClick={() => edit(setGuests)([...guests, emptyGuest()])}
            disabled={guests.length >= 50}
          >
            {t('form.addGuest')}
          </Button>
          <Button type="submit" loading={checkIn.isPending} data-testid="check-in-submit">
            {t('form.submit')}
          </Button>
        </Group>
        <ErrorAlert error={checkIn.error} />
        {checkIn.error && 'errors' in checkIn.error && Array.isArray(checkIn.error.errors) && (
          <Stack gap={2}>
            {checkIn.error.errors.map((e: { path: string; code: string; message: string }) => (
              <Text key={`${e.path}-${e.code}`} size="xs" c="red">
                {requestFieldLabel(
                  e.path,
                  (key) => t(key),
                  (n) => t('guest.title', { n }),
                )}
                : {t(`errors:${e.code}`, { defaultValue: e.message })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
