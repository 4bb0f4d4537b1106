import { BarChart } from '@mui/x-charts/BarChart';
import { useNavigate, useTranslate } from 'react-admin';
import { ChartCard } from './ChartCard';
import { barTestIds, CHART_HEIGHT, stageAxis } from './chartProps';
import { caseListLocation, stageDrill, type OpenedIn } from './drillDown';
import { durationUnit, inUnit } from './durations';
import { useFigure, type StageDurations } from './figures';

/**
 * The average and longest time cases spent in each stage (stays that ended in the period), in hours (minutes while
 * every stay is shorter); a bar opens the cases in
 * that stage now, the ones whose time is still running.
 */
export function StageDurationsChart({ period }: { period: OpenedIn }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data, isPending, isPlaceholderData, error } = useFigure<StageDurations>('stage-durations', { from: period.from, to: period.to });
  const stages = data?.stages ?? [];
  const unit = durationUnit(stages.flatMap((s) => [s.averageSeconds, s.longestSeconds]));
  const inTime = (value: number | null) => (value === null ? '—' : translate(`whistle.insight.stageDurations.${unit}`, { value }));
  return (
    <ChartCard
      testId="chart-stage-durations"
      title="whistle.insight.stageDurations.title"
      help="whistle.insight.stageDurations.help"
      pending={isPending}
      busy={isPlaceholderData}
      error={error}
      empty={stages.every((s) => s.stays === 0)}
    >
      <BarChart
        height={CHART_HEIGHT}
        skipAnimation
        xAxis={[stageAxis(stages.map((s) => translate(`whistle.stages.${s.stage}`)))]}
        yAxis={[{ label: translate(`whistle.insight.stageDurations.unitNames.${unit}`) }]}
        series={[
          {
            id: 'average',
            label: translate('whistle.insight.stageDurations.average'),
            data: stages.map((s) => inUnit(s.averageSeconds, unit)),
            valueFormatter: inTime,
          },
          {
            id: 'longest',
            label: translate('whistle.insight.stageDurations.longest'),
            data: stages.map((s) => inUnit(s.longestSeconds, unit)),
            valueFormatter: inTime,
          },
        ]}
        onItemClick={(_, { dataIndex }) => navigate(caseListLocation(stageDrill(stages[dataIndex].stage)))}
        slotProps={barTestIds('stage-durations')}
      />
    </ChartCard>
  );
}
