import { PERIOD_UNITS, RATE_GROUPINGS, TIMED_STAGES } from '@whistle/domain';
import { z } from 'zod';

/** The leaders' dashboard's answers (GET /api/metrics/...), for the OpenAPI document. */
const timestamp = z.string().describe('ISO-8601 date-time');
const count = z.int().min(0);
const rate = z.number().min(0).max(1).nullable();
const rates = {
  assignments: count,
  respondedOnTime: count,
  responseRate: rate,
  cases: count,
  resolved: count,
  resolutionRate: rate,
  ratings: count,
  satisfied: count,
  satisfactionRate: rate,
};
const period = z.looseObject({ key: z.string().describe('2026-11-30 (a week, by its Monday) or 2026-11 (a month)'), from: timestamp, to: timestamp });
const unitName = { organizationId: z.string().nullable(), name: z.string().nullable() };

export const ratesOverTimeSchema = z.looseObject({
  unit: z.enum(PERIOD_UNITS),
  by: z.enum(RATE_GROUPINGS),
  from: timestamp,
  to: timestamp,
  periods: z.array(period),
  points: z.array(
    z.looseObject({
      period: z.string(),
      from: timestamp,
      to: timestamp,
      groupId: z.string().nullable().describe('the community or unit; null for the whole street'),
      name: z.string().nullable(),
      ...rates,
    }),
  ),
});

export const openByStageSchema = z.looseObject({ at: timestamp, stages: z.array(z.looseObject({ stage: z.enum(TIMED_STAGES), open: count })) });

export const overdueByUnitSchema = z.looseObject({ at: timestamp, units: z.array(z.looseObject({ ...unitName, overdue: count })) });

export const stageDurationsSchema = z.looseObject({
  from: timestamp,
  to: timestamp,
  stages: z.array(
    z.looseObject({ stage: z.enum(TIMED_STAGES), stays: count, averageSeconds: z.number().nullable(), longestSeconds: z.number().nullable() }),
  ),
});

export const pingPongSchema = z.looseObject({
  from: timestamp,
  to: timestamp,
  units: z.array(z.looseObject({ ...unitName, declines: count, declinedCases: count, reopens: count, reopenedCases: count })),
});

const reportLine = z.looseObject({ ...unitName, ...rates, opened: count.nullable(), declines: count, reopens: count });

export const monthlyReportSchema = z.looseObject({
  month: z.string().describe('YYYY-MM'),
  from: timestamp,
  to: timestamp,
  generatedAt: timestamp,
  overall: reportLine,
  communities: z.array(reportLine),
  units: z.array(reportLine),
});
