import { BarChart } from '@mui/x-charts/BarChart';
import { useNavigate, useTranslate } from 'react-admin';
import { ChartCard } from './ChartCard';
import { barTestIds, CHART_HEIGHT, UNIT_AXIS_WIDTH } from './chartProps';
import { caseListLocation, overdueDrill } from './drillDown';
import { useFigure, type OverdueByUnit } from './figures';
import { useUnitName } from './useUnitName';

/** Open cases past their limit now, by current lead unit; a bar opens those cases. */
export function OverdueByUnitChart() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const { data, isPending, isPlaceholderData, error } = useFigure<OverdueByUnit>('overdue-by-unit');
  const units = data?.units ?? [];
  return (
    <ChartCard
      testId="chart-overdue-by-unit"
      title="whistle.insight.overdueByUnit.title"
      help="whistle.insight.overdueByUnit.help"
      pending={isPending}
      busy={isPlaceholderData}
      error={error}
      empty={units.length === 0}
    >
      <BarChart
        height={Math.max(CHART_HEIGHT, units.length * 36)}
        skipAnimation
        hideLegend
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: units.map(unitName), width: UNIT_AXIS_WIDTH }]}
        xAxis={[{ tickMinStep: 1 }]}
        series={[{ id: 'overdue', label: translate('whistle.insight.overdueByUnit.overdue'), data: units.map((u) => u.overdue), color: '#d32f2f' }]}
        onItemClick={(_, { dataIndex }) => navigate(caseListLocation(overdueDrill(units[dataIndex].organizationId)))}
        slotProps={barTestIds('overdue-by-unit')}
      />
    </ChartCard>
  );
}
