import { Chip } from '@mui/material';
import { timeLeft, type TimeLeftState } from '@whistle/domain';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CaseRecord } from './case-record';

const COLOR: Record<TimeLeftState, 'default' | 'success' | 'warning' | 'error'> = {
  none: 'default',
  ok: 'success',
  due_soon: 'warning',
  overdue: 'error',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 d 3 h", "5 h 10 min", "12 min": the two largest units, enough to act on. */
export function useFormatDuration(): (ms: number) => string {
  const translate = useTranslate();
  return (ms) => {
    const days = Math.floor(ms / DAY);
    const hours = Math.floor((ms % DAY) / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    if (days > 0) return translate('whistle.timeLeft.daysHours', { days, hours });
    if (hours > 0) return translate('whistle.timeLeft.hoursMinutes', { hours, minutes });
    return translate('whistle.timeLeft.minutes', { minutes });
  };
}

/**
 * The current stage's time left, coloured by the domain's rule (`timeLeft`): green, amber in the last quarter of the
 * limit, red once overdue. Nothing for a case without a running limit.
 */
export function TimeLeftChip({ now = new Date() }: { now?: Date }) {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const format = useFormatDuration();
  if (!record) return null;
  if (record.stage === 'closed' || record.stage === 'withdrawn') return null;
  const left = timeLeft(record.stageDueAt, record.stageEnteredAt, now);
  if (left.msLeft === null) return null;
  const label =
    left.state === 'overdue'
      ? translate('whistle.timeLeft.overdueBy', { time: format(-left.msLeft) })
      : translate('whistle.timeLeft.left', { time: format(left.msLeft) });
  return (
    <Chip
      size="small"
      color={COLOR[left.state]}
      variant={left.state === 'ok' ? 'outlined' : 'filled'}
      label={label}
      data-testid="time-left"
      data-state={left.state}
    />
  );
}
