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
