// GET /compliance/properties (list and one), /compliance/items, /compliance/own/overdue-stays.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CompliancePropertyDetail,
  complianceItemPage,
  compliancePropertyPage,
  OwnOverdueStay,
} from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';

export const complianceKey = ['compliance'] as const;

export type PropertyFilters = {
  q: string;
  area: string;
  kind: string;
  status: string;
  compliance: string;
  sort: string;
  order: string;
  limit: number;
  offset: number;
};

export function useComplianceProperties(filters: PropertyFilters) {
  return useQuery({
    queryKey: [...complianceKey, 'properties', filters],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof compliancePropertyPage>>('/compliance/properties', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export const compliancePropertyKey = (id: string) => [...complianceKey, 'property', id] as const;

export function useComplianceProperty(id: string) {
  return useQuery({
    queryKey: compliancePropertyKey(id),
    queryFn: ({ signal }) => api.get<CompliancePropertyDetail>(`/compliance/properties/${id}`, undefined, signal),
  });
}

export function useComplianceItems(filters: { area: string; status: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...complianceKey, 'items', filters],
    queryFn: ({ signal }) => api.get<z.infer<typeof complianceItemPage>>('/compliance/items', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOwnOverdueStays() {
  return useQuery({
    queryKey: [...complianceKey, 'own'],
    queryFn: ({ signal }) => api.get<{ items: OwnOverdueStay[] }>('/compliance/own/overdue-stays', undefined, signal),
  });
}
