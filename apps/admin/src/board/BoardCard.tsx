import { Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link, RecordContextProvider, useCreatePath, useTranslate } from 'react-admin';
import type { CaseRecord } from '../cases/case-record';
import { CaseParties } from '../cases/CaseParties';
import { StageTimeLeftChip } from '../cases/TimeLeftChip';

/** One case on the board: code, title, community, lead unit, time left, and whether it was declined or awaits arbitration. */
export function BoardCard({ record, now }: { record: CaseRecord; now: Date }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <RecordContextProvider value={record}>
      <Card variant="outlined" data-testid="board-card" data-code={record.code}>
        <CardActionArea component={Link} to={createPath({ resource: 'cases', id: record.id, type: 'show' })}>
          <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
            <Typography variant="caption" color="text.secondary">
              {record.code}
            </Typography>
            <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
              {record.title}
            </Typography>
            <CaseParties />
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
              <StageTimeLeftChip now={now} />
              {record.declineCount > 0 ? (
                <Chip
                  size="small"
                  color="error"
                  variant="outlined"
                  label={translate('whistle.board.declined', { count: record.declineCount })}
                  data-testid="declined-marker"
                />
              ) : null}
              {record.arbitrationRequestedAt ? (
                <Chip size="small" color="secondary" label={translate('whistle.board.arbitration')} data-testid="arbitration-marker" />
              ) : null}
            </Stack>
          </CardContent>
        </CardActionArea>
      </Card>
    </RecordContextProvider>
  );
}
