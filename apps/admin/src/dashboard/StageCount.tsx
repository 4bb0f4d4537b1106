import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link, useGetList, useTranslate } from 'react-admin';

interface StageCountProps {
  label: string;
  filter: Record<string, unknown>;
  testId: string;
}

/** How many cases match a filter, read from the list's Content-Range total; links to that list. */
export function StageCount({ label, filter, testId }: StageCountProps) {
  const translate = useTranslate();
  const { total, isPending, error } = useGetList('cases', {
    filter,
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  const value = isPending ? '…' : error ? '!' : String(total ?? 0);
  return (
    <Card variant="outlined" sx={{ minWidth: 160 }}>
      <CardActionArea component={Link} to={{ pathname: '/cases', search: `filter=${encodeURIComponent(JSON.stringify(filter))}` }}>
        <CardContent>
          <Typography color="text.secondary">{translate(label)}</Typography>
          <Typography variant="h4" data-testid={testId}>
            {value}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
