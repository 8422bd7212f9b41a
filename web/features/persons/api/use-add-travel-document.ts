// POST /persons/{id}/documents: a travel document, typed or from its MRZ; 409 DUPLICATE_CANDIDATES when another person holds it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonDetail, TravelDocumentCreate } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';
import { storePerson } from './use-person';

export function useAddTravelDocument(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TravelDocumentCreate) => api.post<PersonDetail>(`/persons/${personId}/documents`, input),
    onSuccess: (person) => storePerson(queryClient, person),
  });
}
