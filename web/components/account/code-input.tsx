// A 6-digit one-time code: one field, numeric keyboard on phones, filled in by the phone's code autofill.
import { TextInput, type TextInputProps } from '@mantine/core';

export function CodeInput(props: TextInputProps & { 'data-testid'?: string }) {
  return (
    <TextInput
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      placeholder="000000"
      styles={{ input: { letterSpacing: '0.4em', fontSize: 22, fontFamily: 'monospace', textAlign: 'center' } }}
      {...props}
    />
  );
}
