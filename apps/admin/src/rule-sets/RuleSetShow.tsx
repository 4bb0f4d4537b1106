import { Box, Divider, Stack, Typography } from '@mui/material';
import type { Role } from '@whistle/domain';
import { EditButton, Labeled, Show, SimpleShowLayout, TextField, TopToolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { CategoriesField, UrgenciesField } from './CategoriesField';
import { ProblemList } from './designer/ProblemList';
import { LatestVersionField } from './ProblemsChip';
import { MoveCasesButton } from './migrate/MoveCasesButton';
import { PublishButton } from './PublishButton';
import { RuleSetTitle } from './RuleSetTitle';
import { definitionText } from './template';
import { RuleSetDryRun } from './dry-run/RuleSetDryRun';
import { Versions } from './Versions';
import type { RuleSetRecord } from './types';
import { WhenField } from '../common/WhenField';

function Actions() {
  const { permissions } = usePermissions<Role[]>();
  if (!permissions?.includes('admin')) return <TopToolbar />;
  return (
    <TopToolbar>
      <EditButton />
      <PublishButton />
      <MoveCasesButton />
    </TopToolbar>
  );
}

/** The saved draft's definition, read-only, with what would stop it publishing. */
function Draft() {
  const record = useRecordContext<RuleSetRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      {record.problems.length ? <ProblemList problems={record.problems} /> : null}
      <Box
        component="pre"
        data-testid="rule-set-definition"
        sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontFamily: 'monospace', fontSize: 13, maxHeight: 480, overflow: 'auto' }}
        aria-label={translate('resources.rule-sets.fields.definition')}
      >
        {definitionText(record.definition)}
      </Box>
    </Stack>
  );
}

/** A rule set: which cases it applies to, its draft, and every version published from it. */
export function RuleSetShow() {
  const translate = useTranslate();
  return (
    <Show title={<RuleSetTitle />} actions={<Actions />}>
      <SimpleShowLayout>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled>
            <TextField source="name" />
          </Labeled>
          <Labeled label="resources.rule-sets.fields.categories">
            <CategoriesField />
          </Labeled>
          <Labeled label="resources.rule-sets.fields.urgencies">
            <UrgenciesField />
          </Labeled>
          <Labeled label="resources.rule-sets.fields.latestVersion">
            <LatestVersionField />
          </Labeled>
          <Labeled>
            <WhenField source="updatedAt" />
          </Labeled>
        </Stack>
        <Divider />
        <Typography variant="subtitle1">{translate('whistle.ruleSets.draft')}</Typography>
        <Draft />
        <Divider />
        <Typography variant="subtitle1">{translate('whistle.ruleSets.versions')}</Typography>
        <Versions />
        <Divider />
        <Typography variant="subtitle1">{translate('whistle.dryRun.title')}</Typography>
        <RuleSetDryRun />
      </SimpleShowLayout>
    </Show>
  );
}
