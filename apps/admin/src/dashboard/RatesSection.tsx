import { Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { Loading, useStore, useTranslate } from 'react-admin';
import { OrganizationRatesTable } from './OrganizationRatesTable';
import { OverallRates } from './OverallRates';
import { PeriodSelector } from './PeriodSelector';
import { DEFAULT_PERIOD, type Period } from './periods';
import { useRates } from './useRates';

/** Response, resolution and satisfaction rates of the cases opened in the chosen period, overall and per unit. */
export function RatesSection() {
  const translate = useTranslate();
  const [period, setPeriod] = useStore<Period>('whistle.dashboard.ratesPeriod', DEFAULT_PERIOD);
  const { data, isPending, isPlaceholderData, error } = useRates(period);
  return (
    <Card data-testid="rates" aria-busy={isPending || isPlaceholderData}>
      <CardHeader
        title={translate('whistle.rates.title')}
        subheader={translate('whistle.rates.help')}
        action={<PeriodSelector value={period} onChange={setPeriod} />}
      />
      <CardContent>
        {isPending ? (
          <Loading />
        ) : error ? (
          <Typography color="error">{error.message}</Typography>
        ) : (
          <Stack spacing={3}>
            <OverallRates rates={data.overall} />
            <OrganizationRatesTable rows={data.byOrganization} />
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
