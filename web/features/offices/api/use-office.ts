// GET /offices/{id}
import { useQuery } from '@tanstack/react-query';
import type { OfficeItem } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export const officeQueryKey = (id: string) => ['offices', 'one', id] as const;

export function useOffice(id: string) {
  return useQuery({
    queryKey: officeQueryKey(id),
    queryFn: ({ signal }) => api.get<OfficeItem>(`/offices/${id}`, undefined, signal),
  });
}
