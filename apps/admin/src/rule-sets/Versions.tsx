import { Box, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  DataTable,
  ListContextProvider,
  Loading,
  NumberField,
  TextField,
  useDataProvider,
  useList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { RuleSetVersion, WhistleDataProvider } from '../dataProvider';
import { CategoriesField, UrgenciesField } from './CategoriesField';
import type { RuleSetRecord } from './types';
import { RepublishButton } from './versions/RepublishButton';
import { VersionCompare } from './versions/VersionCompare';
import { WhenField } from '../common/WhenField';

/**
 * Every published version of the rule set, newest first, with who published it; two versions compared in plain
 * words, and any older one republished as the newest. Fetched again when a new one is published.
 */
export function Versions() {
  const record = useRecordContext<RuleSetRecord>();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['rule-sets', 'versions', record?.id, record?.latestVersion],
    queryFn: () => dataProvider.getRuleSetVersions(String(record!.id)),
    enabled: !!record,
  });
  const list = useList({ data: data ?? [], isPending, perPage: 1000 });
  if (isPending) return <Loading />;
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!data.length) return <Typography data-testid="rule-set-versions-empty">{translate('whistle.ruleSets.noVersions')}</Typography>;
  const latestVersion = data[0].version;
  return (
    <Stack spacing={2} sx={{ width: '100%' }}>
      <ListContextProvider value={list}>
        <Box data-testid="rule-set-versions">
          <DataTable bulkActionButtons={false} rowClick={false} resource="rule-set-versions">
            <DataTable.Col source="version" label="whistle.ruleSets.version">
              <NumberField source="version" />
            </DataTable.Col>
            <DataTable.Col source="publishedAt" label="whistle.ruleSets.publishedAt">
              <WhenField source="publishedAt" />
            </DataTable.Col>
            <DataTable.Col source="publisherName" label="whistle.ruleVersions.publisher">
              <TextField source="publisherName" emptyText={translate('whistle.ruleVersions.unknownPublisher')} />
            </DataTable.Col>
            <DataTable.Col source="name" label="resources.rule-sets.fields.name" />
            <DataTable.Col source="categories" label="resources.rule-sets.fields.categories">
              <CategoriesField />
            </DataTable.Col>
            <DataTable.Col source="urgencies" label="resources.rule-sets.fields.urgencies">
              <UrgenciesField />
            </DataTable.Col>
            <DataTable.Col label="">
              <RepublishCell latestVersion={latestVersion} />
            </DataTable.Col>
          </DataTable>
        </Box>
      </ListContextProvider>
      {data.length > 1 ? <VersionCompare versions={data} /> : null}
    </Stack>
  );
}

function RepublishCell({ latestVersion }: { latestVersion: number }) {
  const version = useRecordContext<RuleSetVersion>();
  return version ? <RepublishButton version={version} latestVersion={latestVersion} /> : null;
}
