import PrintIcon from '@mui/icons-material/Print';
import { Box, Card, CardContent, CardHeader, Stack } from '@mui/material';
import { useMemo } from 'react';
import { Button, Link, useStore, useTranslate } from 'react-admin';
import { PeriodSelector } from '../PeriodSelector';
import { DEFAULT_PERIOD, periodRange, type Period } from '../periods';
import { MONTHLY_REPORT_PATH } from './monthly-report-route';
import { OpenByStageChart } from './OpenByStageChart';
import { OverdueByUnitChart } from './OverdueByUnitChart';
import { PingPongChart } from './PingPongChart';
import { RatesOverTimeChart } from './RatesOverTimeChart';
import { StageDurationsChart } from './StageDurationsChart';

/**
 * The leaders' charts: where cases stand now (by stage, overdue by unit), how long stages take and which units cases
 * bounce between over the chosen period, and the rates over time. Every bar and point opens the matching cases.
 */
export function InsightSection() {
  const translate = useTranslate();
  const [days, setDays] = useStore<Period>('whistle.dashboard.insightPeriod', DEFAULT_PERIOD);
  const period = useMemo(() => periodRange(days), [days]);
  return (
    <Card data-testid="insight">
      <CardHeader
        title={translate('whistle.insight.title')}
        subheader={translate('whistle.insight.help')}
        action={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <PeriodSelector value={days} onChange={setDays} />
            <Button component={Link} to={MONTHLY_REPORT_PATH} label="whistle.insight.monthlyReport.open" data-testid="open-monthly-report">
              <PrintIcon />
            </Button>
          </Stack>
        }
      />
      <CardContent>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
          <OpenByStageChart />
          <OverdueByUnitChart />
          <StageDurationsChart period={period} />
          <PingPongChart period={period} />
          <Box sx={{ gridColumn: { lg: 'span 2' }, minWidth: 0 }}>
            <RatesOverTimeChart />
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
}
