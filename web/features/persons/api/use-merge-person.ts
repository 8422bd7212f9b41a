// POST /persons/{id}/merge: the record in the path goes into `into`; the answer is the surviving record's page.
// POST /persons/{id}/merge/undo: the merged-away record comes back; the answer is its page.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonDetail, PersonMergeCreate, PersonMergeUndo } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';
import { personQueryKey, storePerson } from './use-person';

export function useMergePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sourceId, ...body }: PersonMergeCreate & { sourceId: string }) =>
      api.post<PersonDetail>(`/persons/${sourceId}/merge`, body),
    onSuccess: async (survivor, { sourceId }) => {
      await queryClient.invalidateQueries({ queryKey: personQueryKey(sourceId) });
      await storePerson(queryClient, survivor);
    },
  });
}

export function useUndoMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sourceId, targetId: _target, ...body }: PersonMergeUndo & { sourceId: string; targetId: string }) =>
      api.post<PersonDetail>(`/persons/${sourceId}/merge/undo`, body),
    onSuccess: async (restored, { targetId }) => {
      await queryClient.invalidateQueries({ queryKey: personQueryKey(targetId) });
      await storePerson(queryClient, restored);
    },
  });
}
