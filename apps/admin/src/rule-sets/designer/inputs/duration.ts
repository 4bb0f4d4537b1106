import { durationParts } from '@whistle/domain';

/** The units a limit is picked in; the engine counts them on the rule set's calendar (working time on a working one). */
export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A duration as the form shows it: a whole number of one unit, or (anything else) the ISO text itself. */
export type DurationParts = { amount: number; unit: DurationUnit } | { custom: string };

const WHOLE_UNIT: [RegExp, DurationUnit][] = [
  [/^PT(\d+)M$/, 'minutes'],
  [/^PT(\d+)H$/, 'hours'],
  [/^P(\d+)D$/, 'days'],
];

/** `PT30M` → 30 minutes, `P1D` → 1 day; `P1DT4H` (or any other ISO) stays as its text so nothing is lost. */
export function durationPartsOf(iso: string): DurationParts {
  for (const [pattern, unit] of WHOLE_UNIT) {
    const match = pattern.exec(iso);
    if (match) return { amount: Number(match[1]), unit };
  }
  return { custom: iso };
}

/** 30 minutes → `PT30M`, 4 hours → `PT4H`, 1 day → `P1D`. */
export function isoOf(amount: number, unit: DurationUnit): string {
  switch (unit) {
    case 'minutes':
      return `PT${amount}M`;
    case 'hours':
      return `PT${amount}H`;
    case 'days':
      return `P${amount}D`;
  }
}

/** The number as typed: digits only (a limit is a whole number of its unit); empty means none. */
export function amountOf(typed: string): number | undefined {
  const digits = typed.replace(/\D/g, '');
  return digits ? Number(digits) : undefined;
}

const MINUTES_IN: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

/**
 * Any ISO duration as a whole number of `unit`, rounded (never to zero when there was some time): what a custom
 * length becomes when the admin picks a unit for it. Undefined for text that is not a duration.
 */
export function inUnit(iso: string, unit: DurationUnit): number | undefined {
  const { days, hours, minutes } = durationParts(iso);
  const total = days * MINUTES_IN.days + hours * MINUTES_IN.hours + minutes;
  if (!total) return /^P(T?0+[DHMS])$/.test(iso) ? 0 : undefined;
  return Math.max(1, Math.round(total / MINUTES_IN[unit]));
}
