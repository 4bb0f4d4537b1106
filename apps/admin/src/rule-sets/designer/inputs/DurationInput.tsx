import { Box, FormHelperText, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { amountOf, DURATION_UNITS, durationPartsOf, inUnit, isoOf, type DurationUnit } from './duration';
import { useFieldProblems, useFormValue, useWorkingTime } from './formValue';

const CUSTOM = 'custom';
type UnitChoice = DurationUnit | typeof CUSTOM;

export interface DurationInputProps {
  /** Form path of the ISO duration, e.g. `definition.stages.registration.sla`. */
  source: string;
  /** i18n key of the label. */
  label: string;
  /** i18n key of the hint shown while the field is empty (e.g. "empty: no limit"). */
  emptyHelper?: string;
}

/**
 * A length as a number and a unit, stored as ISO (`PT30M`, `PT4H`, `P1D`). The units read "working hours" and
 * "working days" on a working calendar, which is how the engine counts them. A length that is not a whole number of
 * one unit (`P1DT4H`) is shown and edited as its ISO text rather than lost. Clearing the number removes the field.
 */
export function DurationInput({ source, label, emptyHelper }: DurationInputProps) {
  const translate = useTranslate();
  const [value, setValue] = useFormValue<string>(source);
  const working = useWorkingTime();
  const problems = useFieldProblems(source);
  const parts = typeof value === 'string' && value ? durationPartsOf(value) : null;
  // The unit picked before any number is typed, and whether the admin chose to type ISO: kept while typing,
  // so "P1D" typed on the way to "P1DT4H" does not turn the field into a number under the admin's fingers.
  const [unitWhileEmpty, setUnitWhileEmpty] = useState<DurationUnit>('hours');
  const [typingIso, setTypingIso] = useState(false);
  const custom = typingIso || (parts !== null && 'custom' in parts);
  const unit: UnitChoice = custom ? CUSTOM : parts && 'unit' in parts ? parts.unit : unitWhileEmpty;

  const pickUnit = (next: UnitChoice) => {
    if (next === CUSTOM) {
      setTypingIso(true);
      return;
    }
    setTypingIso(false);
    setUnitWhileEmpty(next);
    if (!parts) return;
    const amount = 'amount' in parts ? parts.amount : inUnit(parts.custom, next);
    setValue(amount === undefined ? undefined : isoOf(amount, next));
  };

  const unitWords = (choice: UnitChoice) =>
    translate(choice !== CUSTOM && working ? `whistle.designer.workingUnits.${choice}` : `whistle.designer.units.${choice}`);
  const hint = problems.length
    ? problems.join(' · ')
    : custom
      ? translate('whistle.designer.customHelp')
      : !value && emptyHelper
        ? translate(emptyHelper)
        : ' ';

  return (
    <Box data-testid="duration-input" data-source={source}>
      <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'flex-start' }}>
        {custom ? (
          <TextField
            label={translate(label)}
            value={value ?? ''}
            onChange={(event) => setValue(event.target.value.trim() || undefined)}
            error={problems.length > 0}
            size="small"
            fullWidth={false}
            sx={{ width: 120 }}
            slotProps={{ htmlInput: { 'data-testid': 'duration-iso', spellCheck: false } }}
          />
        ) : (
          <TextField
            label={translate(label)}
            value={parts && 'amount' in parts ? String(parts.amount) : ''}
            onChange={(event) => {
              const amount = amountOf(event.target.value);
              setValue(amount === undefined ? undefined : isoOf(amount, unit as DurationUnit));
            }}
            error={problems.length > 0}
            size="small"
            fullWidth={false}
            sx={{ width: 120 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'duration-amount' } }}
          />
        )}
        <TextField
          select
          label={translate('whistle.designer.unit')}
          value={unit}
          onChange={(event) => pickUnit(event.target.value as UnitChoice)}
          size="small"
          fullWidth={false}
          sx={{ width: 170 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'duration-unit' } as object } }}
        >
          {[...DURATION_UNITS, CUSTOM].map((choice) => (
            <MenuItem key={choice} value={choice}>
              {unitWords(choice as UnitChoice)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {hint ? (
        <FormHelperText error={problems.length > 0} sx={{ mx: 1.75, mt: 0, maxWidth: 340 }} data-testid="duration-hint">
          {hint}
        </FormHelperText>
      ) : null}
    </Box>
  );
}
