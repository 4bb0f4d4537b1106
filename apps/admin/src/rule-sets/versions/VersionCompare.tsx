import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { ruleSetDefinitionSchema, type RuleSetDefinition } from '@whistle/domain';
import { useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { RuleSetVersion } from '../../dataProvider';
import { ChangeList } from './ChangeList';

const definitionOf = (version: RuleSetVersion): RuleSetDefinition => ruleSetDefinitionSchema.parse(version.definition);
const sameScope = (a: RuleSetVersion, b: RuleSetVersion) =>
  a.name === b.name && JSON.stringify(a.categories) === JSON.stringify(b.categories) && JSON.stringify(a.urgencies) === JSON.stringify(b.urgencies);

/** Two versions side by side: what changed from one to the other, in plain words (organizations by name). */
export function VersionCompare({ versions }: { versions: RuleSetVersion[] }) {
  const translate = useTranslate();
  // Newest first: by default, the newest against the one before it.
  const [from, setFrom] = useState(versions[1].version);
  const [to, setTo] = useState(versions[0].version);
  const [older, newer] = [versions.find((v) => v.version === from), versions.find((v) => v.version === to)];
  const definitions = useMemo(() => (older && newer ? { before: definitionOf(older), after: definitionOf(newer) } : null), [older, newer]);

  const picker = (label: string, value: number, onChange: (version: number) => void, testId: string) => (
    <TextField
      select
      size="small"
      label={translate(`whistle.ruleVersions.${label}`)}
      value={value}
      onChange={(event) => onChange(Number(event.target.value))}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
      sx={{ width: 160 }}
    >
      {versions.map((v) => (
        <MenuItem key={v.version} value={v.version}>
          {translate('whistle.ruleVersions.versionLabel', { version: v.version })}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box data-testid="rule-version-compare">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate('whistle.ruleVersions.compare')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 1 }}>
        {picker('from', from, setFrom, 'rule-version-from')}
        {picker('to', to, setTo, 'rule-version-to')}
      </Stack>
      {older && newer && !sameScope(older, newer) ? <Typography variant="body2">{translate('whistle.ruleVersions.otherFields')}</Typography> : null}
      {definitions ? <ChangeList before={definitions.before} after={definitions.after} /> : null}
    </Box>
  );
}
