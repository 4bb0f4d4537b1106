import { Box, Stack } from '@mui/material';
import { TIMED_STAGES } from '@whistle/domain';
import { useEffect, useState } from 'react';
import { FilterButton, FilterForm, ListContextProvider, ResourceContextProvider, Title, useListController } from 'react-admin';
import { caseFilters } from '../cases/caseFilters';
import { SavedViewPicker } from '../saved-views/SavedViewPicker';
import { BoardColumn } from './BoardColumn';

/** How often the board re-reads the clock, so a card turns amber or red while it is on screen. */
const TICK_MS = 60_000;

/**
 * The coordinator's board: one column per open stage, under the same filters as the case list (and the same saved
 * views). The filters live in the board's own URL (`/board?filter=...`) and nowhere else: `storeKey: false` keeps
 * them out of react-admin's per-resource store, so the case list (or the dashboard's drill-down into it) never
 * inherits what was last filtered here, and the other way round. The controller only holds the filter state: each
 * column reads its own stage (`BoardColumn`).
 */
export function Board() {
  const controller = useListController({ resource: 'cases', storeKey: false, perPage: 1, queryOptions: { enabled: false } });
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <ResourceContextProvider value="cases">
      <ListContextProvider value={controller}>
        <Title title="whistle.board.title" />
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-end', mt: 1 }}>
          <FilterForm filters={caseFilters} />
          <FilterButton filters={caseFilters} />
          <SavedViewPicker />
        </Stack>
        {/* On a phone the columns scroll sideways, one screen-wide column at a time. */}
        {/* `width: 0` with `minWidth: 100%`: as wide as the page, never widening it (the columns scroll inside). */}
        <Box
          sx={{ display: 'flex', gap: 1, overflowX: 'auto', scrollSnapType: 'x mandatory', pb: 1, mt: 1, width: 0, minWidth: '100%' }}
          data-testid="board"
        >
          {TIMED_STAGES.map((stage) => (
            <BoardColumn key={stage} stage={stage} filter={controller.filterValues} now={now} />
          ))}
        </Box>
      </ListContextProvider>
    </ResourceContextProvider>
  );
}
