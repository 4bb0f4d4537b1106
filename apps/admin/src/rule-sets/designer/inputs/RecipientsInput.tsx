import CheckIcon from '@mui/icons-material/Check';
import { Autocomplete, Box, Chip, FormHelperText, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useProblemsAt } from '../problems';
import { useDirectoryNames, useDirectorySearch, type DirectoryOption } from './directory';
import { listOf, problemPathOf, useFieldProblems, useFormValue } from './formValue';

/** Who a notice can go to by role, without naming anyone: the clock's assignee, the coordinators, the leaders. */
export const ROLE_TARGETS = ['assignee', 'coordinator', 'leader'] as const;

const PREFIX = { organization: 'org:', user: 'user:' } as const;

/** `org:<id>` / `user:<id>` as the kind and id it names; null for a role (or text that names nobody). */
function namedTarget(target: string): { kind: 'organization' | 'user'; id: string } | null {
  if (target.startsWith(PREFIX.organization)) return { kind: 'organization', id: target.slice(PREFIX.organization.length) };
  if (target.startsWith(PREFIX.user)) return { kind: 'user', id: target.slice(PREFIX.user.length) };
  return null;
}

/**
 * Who a reminder goes to (a `notify` array): the roles as chips to switch on and off, and organizations and people
 * found by name, shown by name and stored as `org:<id>` / `user:<id>`. An id that names nobody shows as such, with
 * the problem the check found for it.
 */
export function RecipientsInput({ source }: { source: string }) {
  const translate = useTranslate();
  const [value, setValue] = useFormValue<string[]>(source);
  const targets = listOf<string>(value);
  const problems = useFieldProblems(source);
  const path = problemPathOf(source);
  const named = targets.map(namedTarget);
  const names = useDirectoryNames(
    named.flatMap((t) => (t?.kind === 'organization' ? [t.id] : [])),
    named.flatMap((t) => (t?.kind === 'user' ? [t.id] : [])),
  );
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const { options, loading } = useDirectorySearch(text, { users: true, enabled: open });

  const toggle = (role: string) => setValue(targets.includes(role) ? targets.filter((t) => t !== role) : [...targets, role]);
  const add = (option: DirectoryOption) => {
    const target = `${PREFIX[option.kind]}${option.id}`;
    if (!targets.includes(target)) setValue([...targets, target]);
  };
  /** A named target as the admin reads it; `unknown` once the directory has answered that nobody has the id. */
  const describe = (target: string): { label: string; unknown: boolean } => {
    const t = namedTarget(target);
    if (!t) return { label: target, unknown: false };
    const name = t.kind === 'organization' ? names.organization(t.id) : names.user(t.id);
    if (name) return { label: name, unknown: false };
    if (!names.resolved[t.kind]) return { label: '…', unknown: false };
    const key = t.kind === 'organization' ? 'whistle.designer.unknownOrganization' : 'whistle.designer.unknownUser';
    return { label: translate(key, { id: t.id }), unknown: true };
  };

  return (
    <Box data-testid="recipients-input" data-source={source}>
      <Typography variant="caption" color="text.secondary">
        {translate('whistle.designer.recipients.title')}
      </Typography>
      <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
        {ROLE_TARGETS.map((role) => {
          const on = targets.includes(role);
          return (
            <Chip
              key={role}
              size="small"
              label={translate(`whistle.designer.recipients.roles.${role}`)}
              icon={on ? <CheckIcon /> : undefined}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              onClick={() => toggle(role)}
              aria-pressed={on}
              data-testid="recipient-role"
              data-target={role}
            />
          );
        })}
        {targets.map((target, index) =>
          (ROLE_TARGETS as readonly string[]).includes(target) ? null : (
            <TargetChip
              key={`${target}:${index}`}
              {...describe(target)}
              path={`${path}.${index}`}
              onDelete={() => setValue(targets.filter((_, i) => i !== index))}
            />
          ),
        )}
        <Autocomplete<DirectoryOption>
          value={null}
          options={options.filter((option) => !targets.includes(`${PREFIX[option.kind]}${option.id}`))}
          loading={loading}
          open={open}
          onOpen={() => setOpen(true)}
          onClose={() => setOpen(false)}
          filterOptions={(found) => found}
          groupBy={(option) => translate(`whistle.designer.recipients.${option.kind === 'organization' ? 'organizations' : 'users'}`)}
          getOptionLabel={(option) => option.name}
          // An organization and a person, or two organizations, may share a name: options are told apart by id.
          getOptionKey={(option) => `${option.kind}:${option.id}`}
          inputValue={text}
          onInputChange={(_event, typed, reason) => setText(reason === 'input' ? typed : '')}
          onChange={(_event, chosen) => {
            if (chosen) add(chosen);
            setText('');
          }}
          blurOnSelect
          noOptionsText={translate('whistle.designer.noMatch')}
          size="small"
          sx={{ minWidth: 240, flex: 1 }}
          renderInput={(params) => (
            <TextField
              {...params}
              placeholder={translate('whistle.designer.recipients.search')}
              slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'recipient-search' } }}
            />
          )}
        />
      </Stack>
      {problems.length ? <FormHelperText error>{problems.join(' · ')}</FormHelperText> : null}
    </Box>
  );
}

/** A named recipient: red, with the check's problem beside its name, when it names nobody (or nobody allowed). */
function TargetChip({ label, unknown, path, onDelete }: { label: string; unknown: boolean; path: string; onDelete: () => void }) {
  const problems = useProblemsAt(path);
  const bad = unknown || problems.length > 0;
  return (
    <Chip
      size="small"
      label={problems.length ? `${label} — ${problems.join(' · ')}` : label}
      color={bad ? 'error' : 'secondary'}
      variant="outlined"
      onDelete={onDelete}
      data-testid="recipient-named"
    />
  );
}
