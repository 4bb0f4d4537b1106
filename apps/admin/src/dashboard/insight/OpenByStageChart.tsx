import { BarChart } from '@mui/x-charts/BarChart';
import { useNavigate, useTranslate } from 'react-admin';
import { ChartCard } from './ChartCard';
import { barTestIds, CHART_HEIGHT, stageAxis } from './chartProps';
import { caseListLocation, stageDrill } from './drillDown';
import { useFigure, type OpenByStage } from './figures';

/** Open cases now, by stage; a bar opens the cases in that stage. */
export function OpenByStageChart() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data, isPending, isPlaceholderData, error } = useFigure<OpenByStage>('open-by-stage');
  const stages = data?.stages ?? [];
  return (
    <ChartCard
      testId="chart-open-by-stage"
      title="whistle.insight.openByStage.title"
      help="whistle.insight.openByStage.help"
      pending={isPending}
      busy={isPlaceholderData}
      error={error}
      empty={stages.every((s) => s.open === 0)}
    >
      <BarChart
        height={CHART_HEIGHT}
        skipAnimation
        hideLegend
        xAxis={[stageAxis(stages.map((s) => translate(`whistle.stages.${s.stage}`)))]}
        yAxis={[{ tickMinStep: 1 }]}
        series={[{ id: 'open', label: translate('whistle.insight.openByStage.open'), data: stages.map((s) => s.open) }]}
        onItemClick={(_, { dataIndex }) => navigate(caseListLocation(stageDrill(stages[dataIndex].stage)))}
        slotProps={barTestIds('open-by-stage')}
      />
    </ChartCard>
  );
}
