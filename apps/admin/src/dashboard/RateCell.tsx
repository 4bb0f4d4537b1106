import { Typography } from '@mui/material';
import type { Rates } from '@whistle/domain';
import { useRecordContext } from 'react-admin';
import type { RateKind } from './rateKinds';
import { useFormatRate } from './useFormatRate';

/** A table cell: the record's rate as a percent, then "part/whole" in small print. */
export function RateCell({ kind }: { kind: RateKind }) {
  const record = useRecordContext<Rates & { id: string }>();
  const format = useFormatRate();
  if (!record) return null;
  return (
    <>
      <Typography component="span" variant="body2" data-testid={`org-rate-${kind.key}`}>
        {format(record[kind.rate])}
      </Typography>
      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
        {record[kind.part]}/{record[kind.whole]}
      </Typography>
    </>
  );
}
