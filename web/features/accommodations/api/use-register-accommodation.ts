// POST /accommodations/registrations: the public self-registration (no account yet).
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccommodationRegistration, registrationReceived } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';

export function useRegisterAccommodation() {
  return useMutation({
    mutationFn: (input: AccommodationRegistration) =>
      api.post<z.infer<typeof registrationReceived>>('/accommodations/registrations', input),
  });
}
