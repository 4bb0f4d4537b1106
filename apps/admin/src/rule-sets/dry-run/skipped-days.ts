import { intlLocale } from '../../common/when';

/** Consecutive ISO dates as runs: ['10-01'...'10-07', '10-11'] → [['10-01', '10-07'], ['10-11', '10-11']]. */
export function dayRuns(dates: readonly string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const date of [...dates].sort()) {
    const last = runs[runs.length - 1];
    if (last && Date.parse(`${date}T00:00:00Z`) - Date.parse(`${last[1]}T00:00:00Z`) === 86_400_000) last[1] = date;
    else runs.push([date, date]);
  }
  return runs;
}

/** Skipped days in words for the console's locale: "10月1日–10月7日、10月11日" or "1 Oct–7 Oct, 11 Oct". */
export function skippedDaysText(dates: readonly string[], locale: string | undefined): string {
  // An ISO date is a calendar day, not a moment: formatted in UTC so no zone moves it.
  const format = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC', month: 'short', day: 'numeric' });
  const day = (date: string) => format.format(new Date(`${date}T00:00:00Z`));
  return dayRuns(dates)
    .map(([first, last]) => (first === last ? day(first) : `${day(first)}–${day(last)}`))
    .join(locale === 'en' ? ', ' : '、');
}
