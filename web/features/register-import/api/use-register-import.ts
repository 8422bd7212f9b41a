// The import's endpoints: upload (multipart), the import itself (polled while a large commit runs), dry run and
// commit. Each answer is the whole import and replaces the cached one.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportField, RegisterImport } from '../../../../contracts/register-import';
import { api, uploadFile } from '../../../lib/api-client';

export const importQueryKey = (id: string) => ['register-imports', id] as const;

function store(queryClient: QueryClient, item: RegisterImport) {
  queryClient.setQueryData(importQueryKey(item.id), item);
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<RegisterImport>('/register-imports', file),
    onSuccess: (item) => store(queryClient, item),
  });
}

const isRunning = (item: RegisterImport | undefined) => item?.status === 'queued' || item?.status === 'running';

/** The import; refetched every second while the job runner is committing it. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: importQueryKey(id ?? ''),
    queryFn: ({ signal }) => api.get<RegisterImport>(`/register-imports/${id}`, undefined, signal),
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
}

export function useDryRun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mapping: (ImportField | null)[]) =>
      api.post<RegisterImport>(`/register-imports/${id}/dry-run`, { mapping }),
    onSuccess: (item) => store(queryClient, item),
  });
}

export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mapping: (ImportField | null)[]) =>
      api.post<RegisterImport>(`/register-imports/${id}/commit`, { mapping }),
    onSuccess: async (item) => {
      store(queryClient, item);
      await queryClient.invalidateQueries({ queryKey: ['persons', 'list'] });
    },
  });
}

export const rejectedRowsUrl = (id: string) => `/api/v1/register-imports/${id}/rejected`;
