// POST /persons/{id}/merge: the record in the path goes into `into`; the answer is the surviving record's page.
// POST /persons/{id}/merge/undo: the merged-away record comes back; the answer is its page.
import { mutationOptions, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonDetail, PersonMergeCreate, PersonMergeUndo } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';
import { mergeCandidatesKey } from './use-merge-candidate';
import { personQueryKey, storePerson } from './use-person';

/**
 * After a merge nothing is read again while the dialog is still open: every GET /persons/{id} is an audited view,
 * and the dialog's reads carry its purpose, so a refetch there would log a view nobody made. The survivor's page is
 * the answer; the merged-away record, the candidates and the lists are only marked stale, to be read when someone
 * opens them again.
 */
async function storeMerge(queryClient: QueryClient, survivor: PersonDetail, sourceId: string) {
  queryClient.setQueryData(personQueryKey(survivor.id), survivor);
  await Promise.all(
    [personQueryKey(sourceId), mergeCandidatesKey, ['persons', 'list'], ['sponsors']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey, refetchType: 'none' }),
    ),
  );
}

export const mergePersonMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationFn: ({ sourceId, ...body }: PersonMergeCreate & { sourceId: string }) =>
      api.post<PersonDetail>(`/persons/${sourceId}/merge`, body),
    onSuccess: (survivor, { sourceId }) => storeMerge(queryClient, survivor, sourceId),
  });

export function useMergePerson() {
  const queryClient = useQueryClient();
  return useMutation(mergePersonMutation(queryClient));
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
