// POST /persons/{id}/claims: records a source's version of the identity (adopt: it becomes the chosen one).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IdentityClaimCreate, PersonDetail } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';
import { storePerson } from './use-person';

export function useAddIdentityClaim(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IdentityClaimCreate) => api.post<PersonDetail>(`/persons/${personId}/claims`, input),
    onSuccess: (person) => storePerson(queryClient, person),
  });
}
