import { calendarSchema } from '@whistle/domain';

/** The calendar's own inputs, each of which shows its problems beneath it; '' is the calendar as a whole. */
export type CalendarField = 'mode' | 'timezone' | 'workdayStart' | 'workdayEnd' | 'weekend' | 'holidays' | 'extraWorkdays' | '';

export interface CalendarProblem {
  field: CalendarField;
  /** A translation key under whistle.calendar.problems: `<field>.<zod issue code>`, e.g. `workdayEnd.custom`. */
  key: string;
  /** The schema's own words, shown when the console has none for this problem. */
  message: string;
  /** The offending entry of a list (a date of `holidays`), to name it. */
  entry?: string;
}

const FIELDS: CalendarField[] = ['mode', 'timezone', 'workdayStart', 'workdayEnd', 'weekend', 'holidays', 'extraWorkdays'];

/**
 * The problems of a draft's calendar as the domain's `calendarSchema` finds them (the same schema publishing uses),
 * each placed on the input it belongs to. A draft without a calendar has none: it runs round the clock.
 */
export function calendarProblems(value: unknown): CalendarProblem[] {
  if (value === undefined) return [];
  const result = calendarSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const head = String(issue.path[0] ?? '');
    const field = (FIELDS as string[]).includes(head) ? (head as CalendarField) : '';
    const index = issue.path[1];
    const list = field && typeof index === 'number' ? (value as Record<string, unknown>)[field] : undefined;
    const entry = Array.isArray(list) && typeof index === 'number' ? String(list[index]) : undefined;
    return { field, key: `${field || 'calendar'}.${issue.code}`, message: issue.message, entry };
  });
}

/** The problems of one input. */
export const problemsOf = (problems: CalendarProblem[], field: CalendarField) => problems.filter((p) => p.field === field);
