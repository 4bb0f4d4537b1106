/**
 * How the console shows a moment: always in Beijing time (street governance runs on it, wherever the browser
 * is), in the console's language. One place, so every list, page and dialog reads the same.
 */

/** The zone every time in the console is shown in. China has kept UTC+08:00, without summer time, since 1991. */
export const TIME_ZONE = 'Asia/Shanghai';
/** Beijing time's fixed offset from UTC, for reading a wall-clock time typed into an input. */
const OFFSET = '+08:00';

/** The Intl locale for a console locale ('zh' or 'en'): "2026/11/29 09:00" or "29/11/2026, 09:00". */
export const intlLocale = (locale: string | undefined): string => (locale === 'en' ? 'en-GB' : 'zh-CN');

/** Date and time, to the minute, 24-hour. */
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** The calendar day only (in Beijing), for fields that never showed a time. */
export const DATE_OPTIONS: Intl.DateTimeFormatOptions = { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' };

export type WhenValue = string | number | Date | null | undefined;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${intlLocale(locale)}|${dateOnly ? 'date' : 'datetime'}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), dateOnly ? DATE_OPTIONS : DATE_TIME_OPTIONS);
    formats.set(key, format);
  }
  return format;
}

/**
 * A moment (an ISO instant such as the API sends, epoch milliseconds or a Date) in Beijing time for the console
 * locale; `empty` when there is none or it is not a date.
 */
export function formatWhen(
  value: WhenValue,
  locale: string | undefined,
  { dateOnly = false, empty = '—' }: { dateOnly?: boolean; empty?: string } = {},
): string {
  if (value === null || value === undefined || value === '') return empty;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return empty;
  return formatter(locale, dateOnly).format(date);
}

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * An instant as the wall-clock value of an `<input type="datetime-local">` in Beijing time: "2026-11-29T09:00".
 * A value already in that form passes through: react-admin's DateTimeInput formats its formatted value again.
 */
export function toBeijingInput(value: WhenValue): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && WALL_CLOCK.test(value)) return value;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  // The fixed offset makes this exact: shift, then read the UTC fields.
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** A datetime-local value read as Beijing time, back to the ISO instant (with its `Z`) the API requires. */
export function fromBeijingInput(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}${OFFSET}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
