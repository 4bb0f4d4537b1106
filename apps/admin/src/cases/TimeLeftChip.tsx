import { Chip } from '@mui/material';
import { timeLeft, type TimeLeftState } from '@whistle/domain';
import { useEffect, useState } from 'react';
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

/** The current time, again every minute, so a limit's words move while the page stays open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), MINUTE);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

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
 * How long is left of a limit that ran from `enteredAt` to `dueAt`, coloured by the domain's rule (`timeLeft`):
 * green, amber in the last quarter of the limit, red once overdue. Nothing when there is no limit. The board passes
 * one `now` for all its cards; elsewhere the chip keeps its own, refreshed every minute.
 */
export function TimeLeftChip({ dueAt, enteredAt, now }: { dueAt: string | null | undefined; enteredAt: string | null | undefined; now?: Date }) {
  const translate = useTranslate();
  const format = useFormatDuration();
  const ticking = useNow();
  const left = timeLeft(dueAt, enteredAt, now ?? ticking);
  if (left.state === 'none' || left.msLeft === null) return null;
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

/** The current stage's time left, for the case in the record context (list rows, board cards). */
export function StageTimeLeftChip({ now }: { now?: Date }) {
  const record = useRecordContext<CaseRecord>();
  if (!record || record.stage === 'closed' || record.stage === 'withdrawn') return null;
  return <TimeLeftChip dueAt={record.stageDueAt} enteredAt={record.stageEnteredAt} now={now} />;
}
