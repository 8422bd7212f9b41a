// GET /stays/reports: the history of the operator's reports, newest first.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { stayReportPage } from '../../../../contracts/stays';
import { api } from '../../../lib/api-client';

export function useStayReports(limit = 20) {
  return useQuery({
    queryKey: ['stays', 'reports', limit],
    queryFn: ({ signal }) => api.get<z.infer<typeof stayReportPage>>('/stays/reports', { limit }, signal),
  });
}
