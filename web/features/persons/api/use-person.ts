// GET /persons/{id}: the person page. Every read is a view in the audit log ("dilihat oleh"), so the page is not
// refetched behind the person's back; writes answer with the page and replace it here.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { PersonDetail } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';

export const personQueryKey = (id: string) => ['persons', 'one', id] as const;

export function usePerson(id: string) {
  return useQuery({
    queryKey: personQueryKey(id),
    queryFn: ({ signal }) => api.get<PersonDetail>(`/persons/${id}`, undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** After a write: the answer is the new page; lists (register, a sponsor's foreigners) are stale. */
export function storePerson(queryClient: QueryClient, person: PersonDetail) {
  queryClient.setQueryData(personQueryKey(person.id), person);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['persons', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['sponsors'] }),
  ]);
}
