import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDataProvider } from 'react-admin';
import type { WhistleDataProvider } from '../dataProvider';
import { periodRange } from './periods';

/** GET /api/metrics/rates for the last `days` days; another period's figures stay shown while it loads. */
export function useRates(days: number) {
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const { from, to } = useMemo(() => periodRange(days), [days]);
  return useQuery({
    queryKey: ['metrics', 'rates', from, to],
    queryFn: () => dataProvider.getRates(from, to),
    placeholderData: keepPreviousData,
  });
}
