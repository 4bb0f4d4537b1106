import { Stack, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { useTranslate } from 'react-admin';
import { DryRunPanel } from './DryRunPanel';
import { calendarOf } from './RuleSetDryRun';

interface DraftValues {
  definition: unknown;
  categories: string[];
  urgencies: ('normal' | 'urgent')[];
}

/**
 * The dry run inside the rule set's edit form: it runs the definition as typed, before it is saved, so an admin sees
 * what a change does (the designer's Advanced tab only hands the form JSON that parses to an object).
 */
export function EditedDryRun() {
  const translate = useTranslate();
  const { definition: draft, categories, urgencies } = useWatch<DraftValues>() as Partial<DraftValues>;
  const definition = typeof draft === 'object' && draft !== null ? (draft as Record<string, unknown>) : null;
  return (
    <Stack spacing={1} sx={{ width: '100%', mt: 2 }}>
      <Typography variant="subtitle1">{translate('whistle.dryRun.title')}</Typography>
      <DryRunPanel
        rules={definition ? { definition } : null}
        calendar={definition ? calendarOf(definition) : null}
        caption={translate('whistle.dryRun.ofEdited')}
        defaultCategory={categories?.find((c) => c && c !== '*')}
        defaultUrgency={urgencies?.length === 1 ? urgencies[0] : 'normal'}
      />
    </Stack>
  );
}
