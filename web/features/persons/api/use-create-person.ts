// POST /persons: 409 DUPLICATE_CANDIDATES when the person may be on file (the caller shows the candidates).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonCreate, PersonDetail } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';
import { storePerson } from './use-person';

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonCreate) => api.post<PersonDetail>('/persons', input),
    onSuccess: (person) => storePerson(queryClient, person),
  });
}
