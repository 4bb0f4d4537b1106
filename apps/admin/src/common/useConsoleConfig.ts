import { useQuery } from '@tanstack/react-query';
import type { MapView } from '@whistle/domain';
import { httpClient } from '../dataProvider';

/** GET /api/console-config: what the console takes from the deployment rather than from its build. */
export interface ConsoleConfig {
  temporalUi: { url: string; namespace: string } | null;
  /** The maps' tiles (null: no background), their credit, and where a map with no case on it opens. */
  map: { tileUrl: string | null; attribution: string; center: MapView };
}

/** The deployment's settings for the console, read once per session. */
export function useConsoleConfig() {
  return useQuery({
    queryKey: ['console-config'],
    queryFn: async () => (await httpClient('/api/console-config')).json as ConsoleConfig,
    staleTime: Infinity,
  });
}
