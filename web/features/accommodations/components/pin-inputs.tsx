// Latitude and longitude, typed, pasted as a pair from a map app, or read from the phone's location (no map library:
// the page stays small).
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCurrentLocation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Pin = { latitude: number | null; longitude: number | null };

/** "" → none; "-4,0197" and "-4.0197" → -4.0197; anything else → NaN, which the form's schema refuses. */
function toNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : /^-?\d{1,3}(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function PinInputs({
  value,
  onChange,
  errors,
  testIdPrefix = 'registration',
}: {
  value: Pin;
  onChange: (pin: Pin) => void;
  errors: { latitude?: string; longitude?: string };
  testIdPrefix?: string;
}) {
  const { t } = useTranslation('accommodations');
  const [text, setText] = useState({
    latitude: value.latitude === null ? '' : String(value.latitude),
    longitude: value.longitude === null ? '' : String(value.longitude),
  });
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const locate = () => {
    setLocating(true);
    setFailed(false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const round = (n: number) => Math.round(n * 1e6) / 1e6;
        const pin = { latitude: round(position.coords.latitude), longitude: round(position.coords.longitude) };
        setText({ latitude: String(pin.latitude), longitude: String(pin.longitude) });
        onChange(pin);
      },
      () => {
        setLocating(false);
        setFailed(true);
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('fields.pin')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('fields.pinHint')}
      </Text>
      <Group grow align="flex-start">
        {(['latitude', 'longitude'] as const).map((axis) => (
          <TextInput
            key={axis}
            label={t(`fields.${axis}`)}
            placeholder={axis === 'latitude' ? '-4.0197' : '103.2531'}
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            value={text[axis]}
            onChange={(event) => {
              const next = event.currentTarget.value;
              // A pair pasted from a map app ("-4.0197, 103.2531") fills both fields.
              const pair = /^\s*(-?\d{1,3}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)\s*$/.exec(next);
              if (pair?.[1] && pair[2]) {
                setText({ latitude: pair[1], longitude: pair[2] });
                onChange({ latitude: Number(pair[1]), longitude: Number(pair[2]) });
                return;
              }
              setText((current) => ({ ...current, [axis]: next }));
              onChange({ ...value, [axis]: toNumber(next) });
            }}
            error={errors[axis]}
            data-testid={`${testIdPrefix}-${axis}`}
          />
        ))}
      </Group>
      {canLocate && (
        <Button
          variant="light"
          leftSection={<IconCurrentLocation size={16} />}
          loading={locating}
          onClick={locate}
          w="fit-content"
        >
          {t('fields.useMyLocation')}
        </Button>
      )}
      {failed && (
        <Text size="xs" c="red">
          {t('fields.locationFailed')}
        </Text>
      )}
    </Stack>
  );
}
