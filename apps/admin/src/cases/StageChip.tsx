import { Chip, Stack } from '@mui/material';
import type { CaseView, Stage } from '@whistle/domain';
import { useRecordContext, useTranslate } from 'react-admin';

const COLORS: Record<Stage, 'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning' | 'error'> = {
  whistle: 'warning',
  registration: 'info',
  coordination: 'secondary',
  resolution: 'primary',
  feedback: 'info',
  closed: 'success',
  withdrawn: 'default',
};

/** The case's stage as a coloured chip, with a red "overdue" chip beside it when its time limit has passed. */
export function StageChip() {
  const record = useRecordContext<CaseView>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5}>
      <Chip
        size="small"
        color={COLORS[record.stage]}
        label={translate(`whistle.stages.${record.stage}`)}
        data-testid="case-stage"
        data-stage={record.stage}
      />
      {record.overdue ? <Chip size="small" color="error" variant="outlined" label={translate('whistle.overdue')} /> : null}
    </Stack>
  );
}
