// POST /mrz/parse: reads pasted MRZ lines; nothing is stored, so the reading is cached by its text like a query.
// useMrzReading follows the text as it is typed; readMrz answers at once for the text as it is now (the apply button).
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MrzParseResponse } from '../../../../contracts/mrz';
import { api } from '../../../lib/api-client';

const mrzQuery = (text: string) => ({
  queryKey: ['mrz', text] as const,
  queryFn: () => api.post<MrzParseResponse>('/mrz/parse', { text }),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useMrzReading(text: string) {
  return useQuery({ ...mrzQuery(text), enabled: text.trim() !== '', placeholderData: keepPreviousData });
}

export function useReadMrz() {
  const queryClient = useQueryClient();
  return (text: string) => queryClient.fetchQuery(mrzQuery(text));
}
