import { Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { categoryWord, URGENCIES } from '@whistle/domain';
import { Loading, Title, useDataProvider, useLocale, useTranslate } from 'react-admin';
import { RuleSetRouteLink } from '../../categories/RuleSetRouteField';
import { languageOf } from '../../categories/useCategoryWord';
import type { WhistleDataProvider } from '../../dataProvider';

/**
 * Where each rule set applies, at a glance: a row per category a new whistle may use (in the console's language), a
 * column per urgency, each cell the rule set and version a new case of that kind gets now (GET /api/routing, chosen
 * by the same rule as opening a case), or the built-in rules.
 */
export function RoutingTable() {
  const translate = useTranslate();
  const language = languageOf(useLocale());
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const { data, error } = useQuery({ queryKey: ['routing'], queryFn: () => dataProvider.getRouting() });
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  if (!data) return <Loading />;
  const names = data.map((row) => ({ id: row.category, nameZh: row.nameZh, nameEn: row.nameEn }));
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="whistle.routing.title" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('whistle.routing.help')}
        </Typography>
        <Table size="small" data-testid="routing-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate('whistle.routing.category')}</TableCell>
              {URGENCIES.map((urgency) => (
                <TableCell key={urgency}>{translate(`whistle.urgencies.${urgency}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((row) => (
              <TableRow key={row.category} data-testid="routing-row" data-category={row.category} hover>
                <TableCell>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <span title={row.category}>{categoryWord(row.category, language, names)}</span>
                    {row.inDirectory ? null : (
                      <Chip size="small" variant="outlined" color="warning" label={translate('whistle.categoryDirectory.notInDirectory')} />
                    )}
                  </Stack>
                </TableCell>
                {URGENCIES.map((urgency) => (
                  <TableCell key={urgency} data-urgency={urgency}>
                    <RuleSetRouteLink route={row.routes[urgency]} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
