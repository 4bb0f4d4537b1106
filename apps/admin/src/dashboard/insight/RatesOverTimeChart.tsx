import { Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { PERIOD_UNITS, RATE_GROUPINGS, type PeriodUnit, type RateGrouping } from '@whistle/domain';
import { useNavigate, useStore, useTranslate } from 'react-admin';
import { RATE_KINDS } from '../rateKinds';
import { ChartCard } from './ChartCard';
import { CHART_HEIGHT } from './chartProps';
import { caseListLocation, ratesPointDrill } from './drillDown';
import { useFigure, type RatesOverTime } from './figures';
import { pointAt, rateLines } from './rateSeries';

function Choice<T extends string>({
  name,
  value,
  choices,
  onChange,
}: {
  name: string;
  value: T;
  choices: readonly T[];
  onChange: (value: T) => void;
}) {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      onChange={(_, next: T | null) => next && onChange(next)}
      data-testid={`rates-over-time-${name}`}
    >
      {choices.map((choice) => (
        <ToggleButton key={choice} value={choice} data-testid={`rates-over-time-${name}-${choice}`}>
          {translate(`whistle.insight.ratesOverTime.${name}s.${choice}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

/**
 * The three rates per week or month (the street's), or one rate per community or unit; a point opens the cases
 * opened in its period (of its community, or with its unit taking part).
 */
export function RatesOverTimeChart() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [unit, setUnit] = useStore<PeriodUnit>('whistle.dashboard.ratesOverTime.unit', 'week');
  const [by, setBy] = useStore<RateGrouping>('whistle.dashboard.ratesOverTime.by', 'overall');
  const [kindKey, setKindKey] = useStore<(typeof RATE_KINDS)[number]['key']>('whistle.dashboard.ratesOverTime.kind', 'resolution');
  const kind = RATE_KINDS.find((k) => k.key === kindKey) ?? RATE_KINDS[0];
  const { data, isPending, isPlaceholderData, error } = useFigure<RatesOverTime>('rates/over-time', { unit, by });
  const periods = data?.periods ?? [];
  const points = data?.points ?? [];
  const lines = data ? rateLines(points, periods, data.by, kind) : [];
  return (
    <ChartCard
      testId="chart-rates-over-time"
      title="whistle.insight.ratesOverTime.title"
      help="whistle.insight.ratesOverTime.help"
      pending={isPending}
      busy={isPlaceholderData}
      error={error}
      empty={lines.every((line) => line.data.every((value) => value === null))}
      action={
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }}>
          <Choice name="unit" value={unit} choices={PERIOD_UNITS} onChange={setUnit} />
          <Choice name="by" value={by} choices={RATE_GROUPINGS} onChange={setBy} />
          {by === 'overall' ? null : <Choice name="kind" value={kind.key} choices={RATE_KINDS.map((k) => k.key)} onChange={setKindKey} />}
        </Stack>
      }
    >
      <LineChart
        height={CHART_HEIGHT + 40}
        skipAnimation
        // Room right of the last period, whose label sits on the edge (and is the one with this week's figures).
        margin={{ right: 48 }}
        xAxis={[{ scaleType: 'point', data: periods.map((p) => p.key) }]}
        yAxis={[{ min: 0, max: 100, valueFormatter: (value: number) => `${value}%` }]}
        series={lines.map((line) => ({
          id: line.id,
          label: data?.by === 'overall' ? translate(line.label) : line.label,
          data: line.data,
          connectNulls: false,
          showMark: true,
          valueFormatter: (value: number | null) => (value === null ? '—' : `${value}%`),
        }))}
        onMarkClick={(_, { seriesId, dataIndex }) => {
          const point = data && dataIndex !== undefined ? pointAt(points, periods, data.by, String(seriesId), dataIndex) : undefined;
          if (point && data) navigate(caseListLocation(ratesPointDrill(point, data.by)));
        }}
      />
    </ChartCard>
  );
}
