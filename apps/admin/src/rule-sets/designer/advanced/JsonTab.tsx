import { Alert, Box, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useInput, useTranslate, type Validator } from 'react-admin';
import { useController } from 'react-hook-form';
import { definitionText, parseDefinitionText } from '../../template';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Saving waits while the text is not a JSON object: the form would otherwise save the last object quietly. */
const noJsonError: Validator = (error: unknown) => (typeof error === 'string' && error ? 'whistle.ruleDesigner.advanced.fixJson' : undefined);

/**
 * The definition as JSON text, for those who prefer it. Both ways in step: text that parses to an object becomes
 * the definition the other tabs edit at once; a change made elsewhere rewrites the text, unless the text already
 * says the same.
 */
export function JsonTab() {
  const translate = useTranslate();
  const { field } = useController({ name: 'definition' });
  const { field: jsonError } = useInput({ source: 'definitionJsonError', validate: noJsonError, defaultValue: '' });
  const [text, setText] = useState(() => definitionText(field.value));
  const [error, setError] = useState<string | null>(null);

  // Keyed by content: the other tabs set parts of the object in place.
  const content = JSON.stringify(field.value ?? {});
  useEffect(() => {
    const value: unknown = JSON.parse(content);
    setText((current) => {
      const parsed = parseDefinitionText(current);
      return parsed.ok && same(parsed.value, value) ? current : definitionText(value);
    });
    setError(null);
  }, [content]);

  // Leaving the tab drops unparsable text (the definition keeps its last good state), so nothing blocks saving.
  const setJsonError = jsonError.onChange;
  useEffect(() => setJsonError(error ?? ''), [error, setJsonError]);
  useEffect(() => () => setJsonError(''), [setJsonError]);

  const edit = (next: string) => {
    setText(next);
    const parsed = parseDefinitionText(next);
    if (parsed.ok) {
      setError(null);
      if (!same(parsed.value, field.value)) field.onChange(parsed.value);
    } else setError(parsed.error);
  };

  return (
    <Box sx={{ width: '100%' }}>
      <TextField
        value={text}
        onChange={(event) => edit(event.target.value)}
        multiline
        minRows={12}
        maxRows={32}
        fullWidth
        helperText={translate('whistle.ruleSets.definitionHelp')}
        slotProps={{ htmlInput: { spellCheck: false, 'data-testid': 'definition-editor' } }}
        sx={{ '& textarea': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13, lineHeight: 1.45 } }}
      />
      {error ? (
        <Alert severity="error" data-testid="definition-json-error" sx={{ width: '100%' }}>
          {translate('whistle.ruleSets.invalidJson', { error: translate(error, { _: error }) })}
        </Alert>
      ) : null}
    </Box>
  );
}
