import { Stack } from '@mui/material';
import type { Rates } from '@whistle/domain';
import { RateFigure } from './RateFigure';
import { RATE_KINDS } from './rateKinds';

/** The street's three rates side by side. */
export function OverallRates({ rates }: { rates: Rates }) {
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="overall-rates">
      {RATE_KINDS.map((kind) => (
        <RateFigure key={kind.key} kind={kind} rates={rates} />
      ))}
    </Stack>
  );
}
