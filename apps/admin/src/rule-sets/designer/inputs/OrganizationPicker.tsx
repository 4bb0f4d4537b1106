import { Autocomplete, Chip, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useProblemsAt } from '../problems';
import { CASE_UNITS, useDirectoryNames, useDirectorySearch, type DirectoryOption } from './directory';
import { listOf, problemPathOf, useFieldProblems, useFormValue } from './formValue';

interface Named {
  id: string;
  name: string;
  unknown: boolean;
}

/** An id as the admin reads it: its organization's name, or (once the directory has answered) that it names none. */
function useNamed(ids: string[]): (id: string) => Named {
  const translate = useTranslate();
  const names = useDirectoryNames(ids);
  return (id) => {
    const name = names.organization(id);
    if (name) return { id, name, unknown: false };
    return names.resolved.organization
      ? { id, name: translate('whistle.designer.unknownOrganization', { id }), unknown: true }
      : { id, name: '…', unknown: false };
  };
}

const asNamed = (option: DirectoryOption): Named => ({ id: option.id, name: option.name, unknown: false });

/** One unit that handles cases (never a grid), picked by name; stored as its id, cleared to none. */
export function OrganizationPicker({ source, label, helperText }: { source: string; label: string; helperText?: string }) {
  const translate = useTranslate();
  const [value, setValue] = useFormValue<string>(source);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const { options, loading } = useDirectorySearch(text, { organizationFilter: CASE_UNITS, enabled: open });
  const id = typeof value === 'string' && value ? value : null;
  const named = useNamed(id ? [id] : []);
  const problems = useFieldProblems(source);
  const current = id ? named(id) : null;
  return (
    <Autocomplete<Named>
      value={current}
      options={options.map(asNamed)}
      loading={loading}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      filterOptions={(found) => found}
      getOptionLabel={(option) => option.name}
      // Two organizations may share a name: options are told apart by id.
      getOptionKey={(option) => option.id}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      onInputChange={(_event, typed, reason) => setText(reason === 'input' ? typed : '')}
      onChange={(_event, chosen) => setValue(chosen?.id)}
      noOptionsText={translate('whistle.designer.noMatch')}
      size="small"
      sx={{ minWidth: 260, flex: 1 }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate(label)}
          error={problems.length > 0 || !!current?.unknown}
          helperText={problems.length ? problems.join(' · ') : helperText ? translate(helperText) : ' '}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'organization-picker', 'data-source': source },
          }}
        />
      )}
    />
  );
}

/** Several units that handle cases, picked by name as chips; an id that names nobody shows as such, with its problem. */
export function OrganizationsPicker({ source, label, helperText }: { source: string; label: string; helperText?: string }) {
  const translate = useTranslate();
  const [value, setValue] = useFormValue<string[]>(source);
  const ids = listOf<string>(value);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const { options, loading } = useDirectorySearch(text, { organizationFilter: CASE_UNITS, enabled: open });
  const named = useNamed(ids);
  const problems = useFieldProblems(source);
  const path = problemPathOf(source);
  return (
    <Autocomplete<Named, true>
      multiple
      value={ids.map(named)}
      options={options.map(asNamed)}
      loading={loading}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      filterOptions={(found) => found.filter((option) => !ids.includes(option.id))}
      getOptionLabel={(option) => option.name}
      // Two organizations may share a name: options are told apart by id.
      getOptionKey={(option) => option.id}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      inputValue={text}
      onInputChange={(_event, typed, reason) => setText(reason === 'input' ? typed : '')}
      onChange={(_event, chosen) => setValue(chosen.map((option) => option.id))}
      noOptionsText={translate('whistle.designer.noMatch')}
      size="small"
      sx={{ minWidth: 260, flex: 1 }}
      renderValue={(chosen, getItemProps) =>
        chosen.map((option, index) => {
          const { key: _key, ...itemProps } = getItemProps({ index });
          return <PickedChip key={option.id} option={option} path={`${path}.${index}`} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate(label)}
          error={problems.length > 0}
          helperText={problems.length ? problems.join(' · ') : helperText ? translate(helperText) : ' '}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'organizations-picker', 'data-source': source },
          }}
        />
      )}
    />
  );
}

/** A picked unit as a chip, red with its problem as the tooltip when the check found one (an unknown id, a grid). */
function PickedChip({ option, path, ...chipProps }: { option: Named; path: string } & Record<string, unknown>) {
  const problems = useProblemsAt(path);
  const bad = option.unknown || problems.length > 0;
  return (
    <Chip
      {...chipProps}
      size="small"
      label={problems.length ? `${option.name} — ${problems.join(' · ')}` : option.name}
      color={bad ? 'error' : 'default'}
      variant={bad ? 'outlined' : 'filled'}
      data-testid="picked-organization"
    />
  );
}
