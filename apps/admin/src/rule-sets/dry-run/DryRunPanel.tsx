import { Alert, AlertTitle, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { Calendar, RuleSetProblem } from '@whistle/domain';
import { useState, type KeyboardEvent } from 'react';
import { HttpError, useLocale, useTranslate } from 'react-admin';
import { languageOf } from '../../categories/useCategoryWord';
import { fieldMessageKey } from '../../common/apiFieldMessages';
import { fromBeijingInput, toBeijingInput } from '../../common/when';
import { whistleCategoryChoices } from '../../cases/whistle/categoryChoices';
import { useWhistleCategories } from '../../cases/whistle/useWhistleCategories';
import { ProblemList } from '../designer/ProblemList';
import { DryRunTimeline } from './DryRunTimeline';
import { simulate, type DryRunCase, type DryRunRules } from './simulate';

const URGENCIES = ['normal', 'urgent'] as const;

/** The next full hour, as a first start to try. */
const nextHour = () => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);

/** On the edit page the panel sits inside the draft's form: Enter in its start field must not save the draft. */
const keepEnter = (event: KeyboardEvent<HTMLElement>) => {
  if (event.key === 'Enter') event.preventDefault();
};

/** What the API refused, in the console's language: the rules' problems by path, the request's fields by name. */
function Refusal({ error }: { error: Error }) {
  const translate = useTranslate();
  const details = (error instanceof HttpError ? (error.body as { details?: { problems?: RuleSetProblem[]; issues?: RuleSetProblem[] } }) : undefined)
    ?.details;
  if (details?.problems?.length) {
    return <ProblemList problems={details.problems} title={translate('whistle.dryRun.ruleProblems', { smart_count: details.problems.length })} />;
  }
  return (
    <Alert severity="error" data-testid="dry-run-error">
      <AlertTitle>{translate('whistle.dryRun.failed')}</AlertTitle>
      {details?.issues?.length
        ? details.issues.map((issue) => (
            <div key={issue.path}>
              {translate(`whistle.dryRun.fields.${issue.path}`, { _: issue.path })}: {translate(fieldMessageKey(issue.message), { _: issue.message })}
            </div>
          ))
        : error.message}
    </Alert>
  );
}

/**
 * The dry run: pick when a case opens, its category and urgency, and see the timeline it would follow under `rules`
 * if every step were taken just at its limit. `calendar` (the rules' own) marks the days each limit skips.
 */
export function DryRunPanel({
  rules,
  calendar,
  caption,
  defaultCategory,
  defaultUrgency = 'normal',
}: {
  rules: DryRunRules | null;
  calendar: Calendar | null;
  caption: string;
  defaultCategory?: string;
  defaultUrgency?: DryRunCase['urgency'];
}) {
  const translate = useTranslate();
  const { data: categories } = useWhistleCategories();
  const choices = whistleCategoryChoices(categories ?? [], languageOf(useLocale()));
  if (defaultCategory && !choices.some((c) => c.id === defaultCategory)) choices.unshift({ id: defaultCategory, name: defaultCategory });
  const [start, setStart] = useState(() => toBeijingInput(nextHour()));
  const [category, setCategory] = useState(defaultCategory ?? '');
  const [urgency, setUrgency] = useState<DryRunCase['urgency']>(defaultUrgency);
  const chosenCategory = category || choices[0]?.id || '';
  const run = useMutation({ mutationFn: (kind: DryRunCase) => simulate(rules!, kind) });
  const startAt = fromBeijingInput(start);
  const ready = !!rules && !!startAt && !!chosenCategory && !run.isPending;

  return (
    <Stack spacing={2} data-testid="dry-run" sx={{ width: '100%' }}>
      <Typography variant="body2" color="text.secondary">
        {caption}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          type="datetime-local"
          size="small"
          fullWidth={false}
          onKeyDown={keepEnter}
          label={translate('whistle.dryRun.fields.start')}
          value={start}
          onChange={(event) => setStart(event.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'dry-run-start' } }}
          helperText={translate('whistle.dryRun.beijingTime')}
        />
        <TextField
          select
          size="small"
          fullWidth={false}
          label={translate('whistle.dryRun.fields.category')}
          value={chosenCategory}
          onChange={(event) => setCategory(event.target.value)}
          sx={{ minWidth: 200 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'dry-run-category' } as object } }}
          helperText=" "
        >
          {choices.map((choice) => (
            <MenuItem key={choice.id} value={choice.id}>
              {choice.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          fullWidth={false}
          label={translate('whistle.dryRun.fields.urgency')}
          value={urgency}
          onChange={(event) => setUrgency(event.target.value as DryRunCase['urgency'])}
          sx={{ minWidth: 140 }}
          helperText=" "
        >
          {URGENCIES.map((u) => (
            <MenuItem key={u} value={u}>
              {translate(`whistle.urgencies.${u}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ pb: 2.5 }}>
          <Button
            variant="contained"
            data-action="simulate"
            disabled={!ready}
            onClick={() => run.mutate({ start: startAt!, category: chosenCategory, urgency })}
          >
            {translate('whistle.dryRun.run')}
          </Button>
        </Box>
      </Stack>
      {run.error ? <Refusal error={run.error} /> : null}
      {run.data && !run.error ? <DryRunTimeline answer={run.data} calendar={calendar} /> : null}
    </Stack>
  );
}
