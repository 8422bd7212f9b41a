// GET /stays/now/map: the regencies of the office's area and the properties with guests now.
import { useQuery } from '@tanstack/react-query';
import type { StayMap } from '../../../../contracts/stay-map';
import { api } from '../../../lib/api-client';

export function useStayMap() {
  return useQuery({
    queryKey: ['stays', 'now-map'],
    queryFn: ({ signal }) => api.get<StayMap>('/stays/now/map', undefined, signal),
  });
}
