import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PERIODS, type Period } from './periods';

interface PeriodSelectorProps {
  value: Period;
  onChange: (period: Period) => void;
}

/** Last 7 / 30 / 90 days. */
export function PeriodSelector({ value, onChange }: PeriodSelectorProps) {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      onChange={(_, period: Period | null) => period && onChange(period)}
      aria-label={translate('whistle.rates.period')}
      data-testid="rates-period"
    >
      {PERIODS.map((days) => (
        <ToggleButton key={days} value={days} data-testid={`rates-period-${days}`}>
          {translate('whistle.rates.lastDays', { smart_count: days })}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
