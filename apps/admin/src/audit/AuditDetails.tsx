import { Box, Grid, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditRecord } from './types';

function Json({ value, testId }: { value: unknown; testId: string }) {
  return (
    <Box
      component="pre"
      data-testid={testId}
      sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}

/** A row opened: before and after side by side for changes, the rest of what was recorded, and its chain link. */
export function AuditDetails() {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const { before, after, ...rest } = record.data;
  const hasChange = 'before' in record.data || 'after' in record.data;
  return (
    <Box sx={{ py: 1 }} data-testid="audit-details">
      {hasChange ? (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <Typography variant="subtitle2">{translate('whistle.audit.before')}</Typography>
            <Json value={before ?? null} testId="audit-before" />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Typography variant="subtitle2">{translate('whistle.audit.after')}</Typography>
            <Json value={after ?? null} testId="audit-after" />
          </Grid>
        </Grid>
      ) : null}
      {Object.keys(rest).length ? (
        <Box sx={{ mt: 1 }}>
          <Typography variant="subtitle2">{translate('whistle.audit.details')}</Typography>
          <Json value={rest} testId="audit-data" />
        </Box>
      ) : null}
      <Typography variant="caption" component="div" sx={{ mt: 1, color: 'text.secondary', wordBreak: 'break-all' }}>
        {translate('whistle.audit.userAgent')}: {record.userAgent ?? '—'} · #{record.seq} · {translate('whistle.audit.hash')}: {record.hash}
      </Typography>
    </Box>
  );
}
