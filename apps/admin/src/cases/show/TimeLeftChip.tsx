import { Chip } from '@mui/material';
import { timeLeft } from '@whistle/domain';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';

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

/** "2 d 3 h", "5 h", "40 min": the two largest units, enough to act on. */
export function useDurationWords(): (ms: number) => string {
  const translate = useTranslate();
  return (ms: number) => {
    const abs = Math.abs(ms);
    const days = Math.floor(abs / DAY);
    const hours = Math.floor((abs % DAY) / HOUR);
    const minutes = Math.max(1, Math.floor((abs % HOUR) / MINUTE));
    if (days > 0)
      return [translate('whistle.casePage.days', { n: days }), hours ? translate('whistle.casePage.hours', { n: hours }) : ''].join(' ').trim();
    if (hours > 0) return translate('whistle.casePage.hours', { n: hours });
    return translate('whistle.casePage.minutes', { n: minutes });
  };
}

const COLORS = { ok: 'default', due_soon: 'warning', overdue: 'error' } as const;

/**
 * How long is left of a limit that ran from `enteredAt` to `dueAt`: amber in its last quarter, red once overdue
 * (the domain's `timeLeft` decides); nothing when there is no limit.
 */
export function TimeLeftChip({ dueAt, enteredAt }: { dueAt: string | null | undefined; enteredAt: string | null | undefined }) {
  const translate = useTranslate();
  const words = useDurationWords();
  const now = useNow();
  const left = timeLeft(dueAt, enteredAt, now);
  if (left.state === 'none' || left.msLeft === null) return null;
  const time = words(left.msLeft);
  return (
    <Chip
      size="small"
      variant={left.state === 'ok' ? 'outlined' : 'filled'}
      color={COLORS[left.state]}
      data-testid="time-left"
      data-state={left.state}
      label={left.state === 'overdue' ? translate('whistle.casePage.overdueBy', { time }) : translate('whistle.casePage.timeLeft', { time })}
    />
  );
}
