// Reference data (communes, sectors, departments): small, public, and the same for everyone, so cached long.
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AdminUnit, Department, Items, SectorInfo } from './types.ts';

const DAY = 24 * 60 * 60 * 1000;

export function useCommunes() {
  return useQuery({
    queryKey: ['geo', 'units'],
    queryFn: () => api.get<Items<AdminUnit>>('/geo/units', { anonymousOk: true }).then((r) => r.items),
    staleTime: DAY,
  });
}

export function useSectors() {
  return useQuery({
    queryKey: ['geo', 'sectors'],
    queryFn: () => api.get<Items<SectorInfo>>('/geo/sectors', { anonymousOk: true }).then((r) => r.items),
    staleTime: DAY,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['geo', 'departments'],
    queryFn: () => api.get<Items<Department>>('/geo/departments', { anonymousOk: true }).then((r) => r.items),
    staleTime: DAY,
  });
}
