import { BarChart } from '@mui/x-charts/BarChart';
import { useNavigate, useTranslate } from 'react-admin';
import { ChartCard } from './ChartCard';
import { barTestIds, CHART_HEIGHT, UNIT_AXIS_WIDTH } from './chartProps';
import { caseListLocation, declinesDrill, reopensDrill, type OpenedIn } from './drillDown';
import { useFigure, type PingPong } from './figures';
import { useUnitName } from './useUnitName';

/**
 * The ping-pong measure: per unit, how often it declined a dispatch and how often a low rating reopened a case it
 * leads, over the cases opened in the period. A bar opens those cases.
 */
export function PingPongChart({ period }: { period: OpenedIn }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const { data, isPending, isPlaceholderData, error } = useFigure<PingPong>('ping-pong', { from: period.from, to: period.to });
  const units = data?.units ?? [];
  const open = (seriesId: string | number, dataIndex: number) => {
    const unit = units[dataIndex];
    if (seriesId === 'declines' && unit.organizationId) navigate(caseListLocation(declinesDrill(unit.organizationId, period)));
    if (seriesId === 'reopens') navigate(caseListLocation(reopensDrill(unit.organizationId, period)));
  };
  return (
    <ChartCard
      testId="chart-ping-pong"
      title="whistle.insight.pingPong.title"
      help="whistle.insight.pingPong.help"
      pending={isPending}
      busy={isPlaceholderData}
      error={error}
      empty={units.length === 0}
    >
      <BarChart
        height={Math.max(CHART_HEIGHT, units.length * 48)}
        skipAnimation
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: units.map(unitName), width: UNIT_AXIS_WIDTH }]}
        xAxis={[{ tickMinStep: 1 }]}
        series={[
          { id: 'declines', label: translate('whistle.insight.pingPong.declines'), data: units.map((u) => u.declines), color: '#ed6c02' },
          { id: 'reopens', label: translate('whistle.insight.pingPong.reopens'), data: units.map((u) => u.reopens), color: '#9c27b0' },
        ]}
        onItemClick={(_, { seriesId, dataIndex }) => open(seriesId, dataIndex)}
        slotProps={barTestIds('ping-pong')}
      />
    </ChartCard>
  );
}
