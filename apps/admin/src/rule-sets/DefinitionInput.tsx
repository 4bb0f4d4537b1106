import { Alert, AlertTitle, Box, List, ListItem, ListItemText, TextField } from '@mui/material';
import { validateDefinition, type RuleSetProblem } from '@whistle/domain';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useInput, useTranslate, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { definitionText, parseDefinitionText } from './template';

const asText = (value: unknown) => (typeof value === 'string' ? value : definitionText(value));

/** Saving needs a JSON object; whether it is a complete definition is checked below the editor and at publish. */
const jsonObject: Validator = (value: unknown) => {
  if (typeof value !== 'string') return undefined;
  const parsed = parseDefinitionText(value);
  return parsed.ok ? undefined : { message: 'whistle.ruleSets.invalidJson', args: { error: parsed.error } };
};

type Check = { kind: 'json'; error: string } | { kind: 'problems'; problems: RuleSetProblem[] };

/** The definition as the API would judge it: the same zod schema (`validateDefinition` from @whistle/domain). */
function check(value: unknown): Check {
  const parsed = parseDefinitionText(asText(value));
  if (!parsed.ok) return { kind: 'json', error: parsed.error };
  const result = validateDefinition(parsed.value);
  return { kind: 'problems', problems: result.ok ? [] : result.problems };
}

/** Every problem of the definition being typed, each with its path, updated as the admin types. */
export function DefinitionProblems({ value }: { value: unknown }) {
  const translate = useTranslate();
  const deferred = useDeferredValue(value);
  const result = useMemo(() => check(deferred), [deferred]);
  if (result.kind === 'json') {
    return (
      <Alert severity="error" data-testid="definition-json-error" sx={{ width: '100%' }}>
        {translate('whistle.ruleSets.invalidJson', { error: translate(result.error, { _: result.error }) })}
      </Alert>
    );
  }
  if (!result.problems.length) {
    return (
      <Alert severity="success" data-testid="definition-valid" sx={{ width: '100%' }}>
        {translate('whistle.ruleSets.valid')}
      </Alert>
    );
  }
  return <ProblemList problems={result.problems} />;
}

/** Problems as a list: the path in monospace, then what is wrong there. */
export function ProblemList({ problems, title }: { problems: RuleSetProblem[]; title?: string }) {
  const translate = useTranslate();
  return (
    <Alert severity="warning" data-testid="definition-problems" sx={{ width: '100%' }}>
      <AlertTitle>{title ?? translate('whistle.ruleSets.problemCount', { smart_count: problems.length })}</AlertTitle>
      <List dense disablePadding>
        {problems.map((problem) => (
          <ListItem key={`${problem.path}:${problem.message}`} disableGutters data-testid="definition-problem" data-path={problem.path}>
            <ListItemText
              primary={
                <>
                  <Box component="code" sx={{ fontFamily: 'monospace', fontWeight: 600, mr: 1 }}>
                    {problem.path || translate('whistle.ruleSets.root')}
                  </Box>
                  {problem.message}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}

/**
 * The definition edited as JSON text in a monospace editor, checked live underneath. The form holds the object (the
 * designer's forms edit its parts): text that is a JSON object becomes it at once; other text is held as typed, which
 * the check below and saving refuse, until it is fixed.
 */
export function DefinitionInput() {
  const translate = useTranslate();
  const { field, fieldState } = useInput({
    source: 'definition',
    validate: jsonObject,
    format: (value: unknown) => value,
    parse: (value: unknown) => value,
  });
  const [text, setText] = useState(() => asText(field.value));
  // Any part of it, not only the whole (which is all `field.value` follows): the forms edit `definition.stages...`.
  const current: unknown = useWatch({ name: 'definition' });
  const currentJson = typeof current === 'string' ? null : JSON.stringify(current ?? {});
  // The forms changed the object: show it, unless the text typed already says the same (keep the admin's layout).
  useEffect(() => {
    if (currentJson === null) return;
    setText((typed) => {
      const parsed = parseDefinitionText(typed);
      return parsed.ok && JSON.stringify(parsed.value) === currentJson ? typed : definitionText(JSON.parse(currentJson));
    });
  }, [currentJson]);
  const onChange = (typed: string) => {
    setText(typed);
    const parsed = parseDefinitionText(typed);
    field.onChange(parsed.ok ? parsed.value : typed);
  };
  const error = fieldState.error?.message;
  return (
    <Box sx={{ width: '100%' }}>
      <TextField
        name={field.name}
        label={translate('resources.rule-sets.fields.definition', { _: 'Definition' })}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onBlur={field.onBlur}
        error={fieldState.invalid && (fieldState.isTouched || !!error)}
        multiline
        minRows={12}
        maxRows={32}
        fullWidth
        helperText={translate('whistle.ruleSets.definitionHelp')}
        slotProps={{ htmlInput: { spellCheck: false, 'data-testid': 'definition-editor' } }}
        sx={{ mb: 1, '& textarea': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13, lineHeight: 1.45 } }}
      />
      <DefinitionProblems value={current} />
    </Box>
  );
}
