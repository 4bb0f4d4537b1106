import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { WhistleCategory } from '@whistle/domain';
import type { WhistleDataProvider } from '../../dataProvider';

/** The query key of GET /api/categories; the categories screens invalidate it after a change. */
export const CATEGORIES_QUERY_KEY = ['categories', 'directory'] as const;

/** GET /api/categories: every category (the directory's, retired ones marked, then those only a rule set names). */
export function useWhistleCategories() {
  const dataProvider = useDataProvider<WhistleDataProvider>();
  return useQuery<WhistleCategory[]>({ queryKey: CATEGORIES_QUERY_KEY, queryFn: () => dataProvider.getCategories() });
}
