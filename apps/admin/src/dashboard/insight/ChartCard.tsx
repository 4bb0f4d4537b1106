import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Loading, useTranslate } from 'react-admin';

interface ChartCardProps {
  testId: string;
  title: string;
  help: string;
  /** The figure is loading (nothing to show yet) or being replaced (the previous one shown meanwhile). */
  pending: boolean;
  busy: boolean;
  error: Error | null;
  empty: boolean;
  action?: ReactNode;
  children: ReactNode;
}

/** One chart of the dashboard, with its title, a line on what it counts and that a click opens the cases. */
export function ChartCard({ testId, title, help, pending, busy, error, empty, action, children }: ChartCardProps) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={testId} aria-busy={pending || busy} sx={{ minWidth: 0 }}>
      <CardHeader title={translate(title)} subheader={translate(help)} action={action} slotProps={{ title: { variant: 'h6' } }} />
      <CardContent>
        {pending ? (
          <Loading />
        ) : error ? (
          <Typography color="error">{error.message}</Typography>
        ) : empty ? (
          <Typography color="text.secondary" data-testid={`${testId}-empty`}>
            {translate('whistle.insight.nothing')}
          </Typography>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}
