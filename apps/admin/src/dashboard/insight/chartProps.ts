/**
 * What every dashboard chart shares: a fixed height, no animation (a bar is where it will stay when it is
 * clicked), and a data-testid on each bar (`<chart>-bar-<series>-<index>`) for the browser tests and for screen
 * readers' tools that address elements.
 */
export const CHART_HEIGHT = 260;

export function barTestIds(chart: string) {
  return {
    bar: ({ seriesId, dataIndex }: { seriesId: string | number; dataIndex: number }) => ({ 'data-testid': `${chart}-bar-${seriesId}-${dataIndex}` }),
  };
}

/**
 * A band axis of stage names: every name shown (the default skips those that would touch, so English lost every
 * other stage), slanted to fit.
 */
export function stageAxis(names: string[]) {
  return {
    scaleType: 'band' as const,
    data: names,
    tickLabelInterval: () => true,
    tickLabelStyle: { angle: -20, textAnchor: 'end' as const, fontSize: 12 },
    height: 56,
  };
}

/** The width of a band axis of unit names: room for a bilingual name before the chart cuts it short. */
export const UNIT_AXIS_WIDTH = 280;
