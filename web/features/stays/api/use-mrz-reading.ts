// POST /mrz/parse: the pasted MRZ read by the server (fields and every check digit); cached by its text.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MrzParseResponse } from '../../../../contracts/mrz';
import { api } from '../../../lib/api-client';

export function useMrzReading(text: string) {
  return useQuery({
    queryKey: ['mrz', text] as const,
    queryFn: () => api.post<MrzParseResponse>('/mrz/parse', { text }),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: text.trim() !== '',
    placeholderData: keepPreviousData,
  });
}
