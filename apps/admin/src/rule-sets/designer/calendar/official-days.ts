/**
 * One year of the `chinese-days` dataset (its dist/years/<year>.json): each date mapped to "English name,中文名,days".
 * `holidays` are the official days off (weekend days inside a break included), `workdays` the official moved workdays
 * (调休上班日), `inLieuDays` the days off given in return for them (already among `holidays`, so not needed here).
 */
export interface ChineseDaysYear {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays?: Record<string, string>;
}

/** A year's official days as a working calendar lists them. */
export interface OfficialDays {
  holidays: string[];
  extraWorkdays: string[];
}

const inYear = (year: number) => (date: string) => date.startsWith(`${year}-`);

/** The official holidays and moved workdays of `year`, sorted; only that year's dates, whatever else the file holds. */
export function officialDaysOf(data: ChineseDaysYear, year: number): OfficialDays {
  return {
    holidays: Object.keys(data.holidays ?? {})
      .filter(inYear(year))
      .sort(),
    extraWorkdays: Object.keys(data.workdays ?? {})
      .filter(inYear(year))
      .sort(),
  };
}

/** The festival a date belongs to in the dataset, in the console's language ("National Day" / "国庆节"), if any. */
export function festivalOf(data: ChineseDaysYear, date: string, locale: string): string | undefined {
  const entry = data.holidays?.[date] ?? data.workdays?.[date];
  if (!entry) return undefined;
  const [english, chinese] = entry.split(',');
  return locale === 'zh' ? chinese || english : english || chinese;
}
