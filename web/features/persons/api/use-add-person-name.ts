// POST /persons/{id}/names: an alias, transliteration or the name as written in a document.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonDetail, PersonNameCreate } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';
import { storePerson } from './use-person';

export function useAddPersonName(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonNameCreate) => api.post<PersonDetail>(`/persons/${personId}/names`, input),
    onSuccess: (person) => storePerson(queryClient, person),
  });
}
