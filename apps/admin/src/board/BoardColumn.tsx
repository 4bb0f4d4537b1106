import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import type { TimedStage } from '@whistle/domain';
import { useGetList, useTranslate } from 'react-admin';
import type { CaseRecord } from '../cases/case-record';
import { BoardCard } from './BoardCard';

/** The most cards a column shows; the header says how many more there are (the list pages through them all). */
const COLUMN_SIZE = 100;

/** Whether a stage filter (one stage, several, or none) lets this column's stage through. */
function admits(chosen: unknown, stage: TimedStage): boolean {
  if (chosen === undefined || chosen === null || chosen === '') return true;
  return Array.isArray(chosen) ? chosen.includes(stage) : chosen === stage;
}

/** One stage's open cases under the board's filters, the closest limit first. */
export function BoardColumn({ stage, filter, now }: { stage: TimedStage; filter: Record<string, unknown>; now: Date }) {
  const translate = useTranslate();
  const { stage: chosen, ...rest } = filter;
  const shown = admits(chosen, stage);
  const { data, total, isPending, error } = useGetList<CaseRecord>(
    'cases',
    { filter: { ...rest, stage }, pagination: { page: 1, perPage: COLUMN_SIZE }, sort: { field: 'stageDueAt', order: 'ASC' } },
    { enabled: shown },
  );
  const count = shown ? (total ?? 0) : 0;
  return (
    <Paper
      variant="outlined"
      data-testid={`board-column-${stage}`}
      sx={{ flex: '1 0 240px', minWidth: { xs: '80vw', sm: 240 }, scrollSnapAlign: 'start', bgcolor: 'grey.50', p: 1, alignSelf: 'flex-start' }}
    >
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate(`whistle.stages.${stage}`)}{' '}
        <Box component="span" sx={{ color: 'text.secondary' }} data-testid="board-column-count">
          ({count})
        </Box>
      </Typography>
      {error ? <Alert severity="error">{translate('ra.notification.http_error')}</Alert> : null}
      <Stack spacing={1}>
        {shown && !isPending ? (data ?? []).map((record) => <BoardCard key={record.id} record={record} now={now} />) : null}
        {shown && total !== undefined && total > COLUMN_SIZE ? (
          <Typography variant="caption" color="text.secondary">
            {translate('whistle.board.more', { count: total - COLUMN_SIZE })}
          </Typography>
        ) : null}
      </Stack>
    </Paper>
  );
}
