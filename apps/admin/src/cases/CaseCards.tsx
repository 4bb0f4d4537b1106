import { Stack, Typography } from '@mui/material';
import { SimpleList, useRecordContext } from 'react-admin';
import type { CaseRecord } from './case-record';
import { CaseParties } from './CaseParties';
import { StageChip } from './StageChip';
import { StageTimeLeftChip } from './TimeLeftChip';

/** One case as a card's text: code and stage, title, community and lead unit, time left. */
function CaseCardText() {
  const record = useRecordContext<CaseRecord>();
  if (!record) return null;
  return (
    <Stack spacing={0.5} data-testid="case-card" data-code={record.code}>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary" component="div">
          {record.code}
        </Typography>
        <StageChip />
      </Stack>
      <Typography variant="body1" component="div" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        {record.title}
      </Typography>
      <CaseParties />
      <div>
        <StageTimeLeftChip />
      </div>
    </Stack>
  );
}

/**
 * The case list on a phone: a card per case instead of the table's row (which would not fit), with the same
 * chips as the table and the board; tapping a card opens the case.
 */
export function CaseCards() {
  return <SimpleList primaryText={<CaseCardText />} rowClick="show" rowSx={() => ({ borderBottom: 1, borderColor: 'divider' })} />;
}
