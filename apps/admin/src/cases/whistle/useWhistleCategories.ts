import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { WhistleCategory } from '@whistle/domain';
import type { WhistleDataProvider } from '../../dataProvider';

/** GET /api/categories: what a whistle may be about (the standard taxonomy and the rule sets' own categories). */
export function useWhistleCategories() {
  const dataProvider = useDataProvider<WhistleDataProvider>();
  return useQuery<WhistleCategory[]>({ queryKey: ['categories'], queryFn: () => dataProvider.getCategories() });
}
