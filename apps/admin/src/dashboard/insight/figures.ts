import type { PeriodUnit, RateGrouping, RatesPoint, TimedStage } from '@whistle/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { httpClient } from '../../dataProvider';

/** The answers of the dashboard's figures (GET /api/metrics/..., apps/api/src/metrics/dashboard.controller.ts). */
export interface UnitName {
  organizationId: string | null;
  name: string | null;
}
export interface OpenByStage {
  stages: { stage: TimedStage; open: number }[];
}
export interface OverdueByUnit {
  units: (UnitName & { overdue: number })[];
}
export interface StageDurations {
  from: string;
  to: string;
  stages: { stage: TimedStage; stays: number; averageSeconds: number | null; longestSeconds: number | null }[];
}
export interface PingPong {
  from: string;
  to: string;
  units: (UnitName & { declines: number; declinedCases: number; reopens: number; reopenedCases: number })[];
}
export interface RatesOverTime {
  unit: PeriodUnit;
  by: RateGrouping;
  periods: { key: string; from: string; to: string }[];
  points: (RatesPoint & { name: string | null })[];
}

/** One figure, fetched with the session (react-query caches it by path and query); the last answer stays while another loads. */
export function useFigure<T>(path: string, params: Record<string, string> = {}) {
  const search = new URLSearchParams(params).toString();
  return useQuery({
    queryKey: ['metrics', path, search],
    queryFn: async () => (await httpClient(`/api/metrics/${path}${search ? `?${search}` : ''}`)).json as T,
    placeholderData: keepPreviousData,
  });
}
