// POST /persons/{id}/addresses: a new current address (the previous one ends).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddressCreate, PersonDetail } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';
import { storePerson } from './use-person';

export function useAddAddress(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddressCreate) => api.post<PersonDetail>(`/persons/${personId}/addresses`, input),
    onSuccess: (person) => storePerson(queryClient, person),
  });
}
