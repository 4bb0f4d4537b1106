import { computeRates, type DatedCase, type Language, type Period, type Rates } from '@whistle/domain';
import type { CsvValue } from '../cases/export/csv';
import type { CommunityCounts, PingPongOfUnit } from './dashboard-figures';

/** One line of the street's monthly report: the street, a community or a unit, with its rates and its ping-pong. */
export type ReportLine = Rates & {
  organizationId: string | null;
  name: string | null;
  /** Cases opened in the month (the street, a community); null for a unit, which opens none. */
  opened: number | null;
  declines: number;
  reopens: number;
};

export interface MonthlyReport {
  month: string;
  from: string;
  to: string;
  generatedAt: string;
  overall: ReportLine;
  communities: ReportLine[];
  units: ReportLine[];
}

export interface ReportInputs {
  period: Period;
  now: string;
  cases: DatedCase[];
  communities: CommunityCounts[];
  units: PingPongOfUnit[];
  names: Map<string, string>;
  /** The street the report is for (the reader's organization), named on its first line. */
  streetName: string | null;
}

/**
 * The month's report for the street: rates by `computeRates` over the cases opened in the month (overall, per
 * community, per unit as it counts units), with the cases opened and the declines and reopens the projection counts.
 */
export function monthlyReport({ period, now, cases, communities, units, names, streetName }: ReportInputs): MonthlyReport {
  const states = cases.map((c) => c.state);
  const rates = computeRates(states, now);
  const sum = (key: 'opened' | 'declines' | 'reopens') => communities.reduce((total, c) => total + c[key], 0);
  const byName = (a: ReportLine, b: ReportLine) =>
    String(a.name ?? '').localeCompare(String(b.name ?? '')) || String(a.organizationId).localeCompare(String(b.organizationId));
  const unitIds = new Set([
    ...rates.byOrganization.map((r) => r.organizationId),
    ...units.flatMap((u) => (u.organizationId ? [u.organizationId] : [])),
  ]);
  const noRates = computeRates([], now).overall;
  return {
    month: period.key,
    from: period.from,
    to: period.to,
    generatedAt: now,
    overall: { organizationId: null, name: streetName, ...rates.overall, opened: sum('opened'), declines: sum('declines'), reopens: sum('reopens') },
    communities: communities
      .map((c) => ({
        organizationId: c.communityId,
        name: names.get(c.communityId) ?? null,
        ...computeRates(
          cases.filter((x) => x.communityId === c.communityId).map((x) => x.state),
          now,
        ).overall,
        opened: c.opened,
        declines: c.declines,
        reopens: c.reopens,
      }))
      .sort(byName),
    units: [...unitIds]
      .map((id) => {
        const { organizationId: _id, ...unitRates } = rates.byOrganization.find((r) => r.organizationId === id) ?? { organizationId: id, ...noRates };
        const pingPong = units.find((u) => u.organizationId === id);
        return {
          organizationId: id,
          name: names.get(id) ?? null,
          ...unitRates,
          opened: null,
          declines: pingPong?.declines ?? 0,
          reopens: pingPong?.reopens ?? 0,
        };
      })
      .sort(byName),
  };
}

/** The words only the CSV has: its headings and how it names each kind of line. */
const CSV_WORDS: Record<Language, { header: string[]; street: string; community: string; unit: string }> = {
  zh: {
    header: [
      '月份',
      '类别',
      '名称',
      '吹哨数',
      '派单数',
      '按时响应',
      '响应率',
      '牵头案件',
      '已解决',
      '解决率',
      '评价数',
      '满意',
      '满意率',
      '退单次数',
      '重启次数',
    ],
    street: '街道',
    community: '社区',
    unit: '单位',
  },
  en: {
    header: [
      'Month',
      'Kind',
      'Name',
      'Opened',
      'Assignments',
      'Responded on time',
      'Response rate',
      'Cases led',
      'Resolved',
      'Resolution rate',
      'Ratings',
      'Satisfied',
      'Satisfaction rate',
      'Declines',
      'Reopens',
    ],
    street: 'Street',
    community: 'Community',
    unit: 'Unit',
  },
};

/** A rate as a spreadsheet shows a percentage: `87.5%`; empty when nothing counted. */
const percent = (rate: number | null) => (rate === null ? '' : `${Math.round(rate * 1000) / 10}%`);

/** The report as CSV rows: the header, the street's line, then each community's and each unit's. */
export function monthlyReportRows(report: MonthlyReport, language: Language): CsvValue[][] {
  const words = CSV_WORDS[language];
  const line = (kind: string, l: ReportLine): CsvValue[] => [
    report.month,
    kind,
    l.name ?? l.organizationId ?? '',
    l.opened,
    l.assignments,
    l.respondedOnTime,
    percent(l.responseRate),
    l.cases,
    l.resolved,
    percent(l.resolutionRate),
    l.ratings,
    l.satisfied,
    percent(l.satisfactionRate),
    l.declines,
    l.reopens,
  ];
  return [
    words.header,
    line(words.street, report.overall),
    ...report.communities.map((c) => line(words.community, c)),
    ...report.units.map((u) => line(words.unit, u)),
  ];
}
