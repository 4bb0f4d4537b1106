import { Alert } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { partsDown, type HealthAnswer } from './engineStatus';

/** How often the console asks; the API notices a dead worker within about 90 s, so a quicker poll gains little. */
const POLL_MS = 15_000;

async function readHealth(): Promise<HealthAnswer | null> {
  try {
    // Not through the data provider: a 503 here is an answer to read, not an error to show.
    return (await (await fetch('/api/health')).json()) as HealthAnswer;
  } catch {
    return null;
  }
}

/**
 * Tells everyone signed in when cases cannot move (no worker, Temporal or the database away): what they send is
 * kept and applied when the engine is back, but lists and case pages will not change meanwhile.
 */
export function EngineStatusBanner() {
  const translate = useTranslate();
  const { data, isSuccess } = useQuery({ queryKey: ['engine-health'], queryFn: readHealth, refetchInterval: POLL_MS });
  if (!isSuccess) return null;
  const down = partsDown(data);
  if (down.length === 0) return null;
  const reasons = down === 'server' ? [translate('whistle.engineStatus.server')] : down.map((part) => translate(`whistle.engineStatus.${part}`));
  return (
    <Alert severity="warning" data-testid="engine-status" sx={{ mb: 1 }}>
      {translate('whistle.engineStatus.title', { reasons: reasons.join(translate('whistle.engineStatus.separator')) })}
    </Alert>
  );
}
