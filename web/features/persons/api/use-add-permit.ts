// POST /persons/{id}/permits: a stay permit.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PermitCreate, PersonDetail } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';
import { storePerson } from './use-person';

export function useAddPermit(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PermitCreate) => api.post<PersonDetail>(`/persons/${personId}/permits`, input),
    onSuccess: (person) => storePerson(queryClient, person),
  });
}
