// GET /audit: the log, newest first, filtered. Each listing is itself recorded in the log.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditPage } from '../../../../contracts/audit';
import { api } from '../../../lib/api-client';

export type AuditFilters = {
  actorId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
};

export function useAuditLog(filters: AuditFilters, enabled: boolean) {
  return useQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ signal }) => api.get<z.infer<typeof auditPage>>('/audit', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
