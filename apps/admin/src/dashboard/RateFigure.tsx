import { Card, CardContent, Typography } from '@mui/material';
import type { Rates } from '@whistle/domain';
import { useTranslate } from 'react-admin';
import type { RateKind } from './rateKinds';
import { useFormatRate } from './useFormatRate';

/** One overall rate as a big figure, with the counts it comes from. */
export function RateFigure({ kind, rates }: { kind: RateKind; rates: Rates }) {
  const translate = useTranslate();
  const format = useFormatRate();
  return (
    <Card variant="outlined" sx={{ minWidth: 220 }} data-testid={`rate-${kind.key}`}>
      <CardContent>
        <Typography color="text.secondary">{translate(`whistle.rates.${kind.key}.name`)}</Typography>
        <Typography variant="h3" data-testid={`rate-${kind.key}-value`}>
          {format(rates[kind.rate])}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate(`whistle.rates.${kind.key}.counts`, { part: rates[kind.part], whole: rates[kind.whole] })}
        </Typography>
      </CardContent>
    </Card>
  );
}
