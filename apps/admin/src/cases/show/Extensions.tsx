import { Box, Chip } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { ArrayField, DataTable, TextField, useRecordContext, useTranslate } from 'react-admin';
import { WhenField } from '../../common/WhenField';

type ExtensionView = CaseView['extensions'][number];

const COLORS = { pending: 'warning', approved: 'success', rejected: 'default', lapsed: 'default' } as const;

function ExtensionState(_props: { label?: string }) {
  const extension = useRecordContext<ExtensionView>();
  const translate = useTranslate();
  if (!extension) return null;
  return (
    <Chip
      size="small"
      color={COLORS[extension.state]}
      label={translate(`whistle.extension.states.${extension.state}`)}
      data-testid="extension-state"
      data-state={extension.state}
    />
  );
}

function StageName(_props: { label?: string }) {
  const extension = useRecordContext<ExtensionView>();
  const translate = useTranslate();
  return extension ? <span>{translate(`whistle.stages.${extension.stage}`)}</span> : null;
}

/** Requests for more time: what was asked, why, and what the street decided. */
export function Extensions() {
  return (
    <Box data-testid="case-extensions" sx={{ width: '100%' }}>
      <ArrayField source="extensions">
        <DataTable bulkActionButtons={false} rowClick={false} empty={<span>—</span>}>
          <DataTable.Col source="stage" label="whistle.extension.stage">
            <StageName />
          </DataTable.Col>
          <DataTable.Col source="reason" label="whistle.extension.reason" />
          <DataTable.Col source="previousDueAt" label="whistle.extension.previousDueAt">
            <WhenField source="previousDueAt" />
          </DataTable.Col>
          <DataTable.Col source="requestedDueAt" label="whistle.extension.requestedDueAt">
            <WhenField source="requestedDueAt" />
          </DataTable.Col>
          <DataTable.Col source="state" label="whistle.extension.state">
            <ExtensionState />
          </DataTable.Col>
          <DataTable.Col source="decisionReason" label="whistle.extension.decisionReason">
            <TextField source="decisionReason" emptyText="—" />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </Box>
  );
}
