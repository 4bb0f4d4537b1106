import { Box, Typography } from '@mui/material';
import type { Rates } from '@whistle/domain';
import { useMemo } from 'react';
import { DataTable, ListContextProvider, useGetMany, useList, useTranslate } from 'react-admin';
import { RateCell } from './RateCell';
import { RATE_KINDS } from './rateKinds';
import { sortRows } from './sortRows';

type OrganizationRates = Rates & { organizationId: string };

/** The rates of each unit, its name looked up in the directory; sortable by name or by any rate (best first). */
export function OrganizationRatesTable({ rows }: { rows: OrganizationRates[] }) {
  const translate = useTranslate();
  const ids = useMemo(() => rows.map((row) => row.organizationId), [rows]);
  const { data: organizations } = useGetMany<{ id: string; name: string }>('organizations', { ids });
  const data = useMemo(() => {
    const names = new Map(organizations?.map((o) => [o.id, o.name]));
    return rows.map((row) => ({ ...row, id: row.organizationId, name: names.get(row.organizationId) ?? '…' }));
  }, [rows, organizations]);
  const list = useList({ data, sort: { field: 'name', order: 'ASC' } });
  const sorted = useMemo(() => sortRows(data, list.sort), [data, list.sort]);
  if (!rows.length) return <Typography data-testid="organization-rates-empty">{translate('whistle.rates.noData')}</Typography>;
  return (
    <ListContextProvider value={{ ...list, data: sorted } as typeof list}>
      <Box data-testid="organization-rates" sx={{ maxHeight: 560, overflow: 'auto' }}>
        <DataTable bulkActionButtons={false} rowClick={false} resource="organizations">
          <DataTable.Col source="name" label="whistle.rates.organization" />
          {RATE_KINDS.map((kind) => (
            <DataTable.Col key={kind.key} source={kind.rate} label={`whistle.rates.${kind.key}.name`} sortByOrder="DESC">
              <RateCell kind={kind} />
            </DataTable.Col>
          ))}
        </DataTable>
      </Box>
    </ListContextProvider>
  );
}
