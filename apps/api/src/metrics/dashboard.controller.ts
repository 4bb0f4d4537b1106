import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  monthPeriod,
  periodOf,
  periodsCovering,
  PERIOD_UNITS,
  RATE_GROUPINGS,
  ratesOverTime,
  type Actor,
  type PeriodUnit,
  type RateGrouping,
} from '@whistle/domain';
import { Readable } from 'node:stream';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { csvRow, UTF8_BOM } from '../cases/export/csv';
import { exportLanguage } from '../cases/export/case-export-row';
import { ApiError } from '../common/api-error';
import { instant } from '../common/instant';
import { DashboardFigures, type Range } from './dashboard-figures';
import { monthlyReport, monthlyReportRows, type MonthlyReport } from './monthly-report';

const DAY_MS = 86_400_000;
/** A chart of more periods than this is not something anyone reads (ten years of months, two of weeks). */
const MAX_PERIODS = 120;

/** `[from, to)` from the query, `defaultDays` back from `to` when `from` is absent; from must come first. */
function rangeOf(fromText: unknown, toText: unknown, defaultDays: number): Range {
  const to = instant('to', toText, new Date());
  const from = instant('from', fromText, new Date(to.getTime() - defaultDays * DAY_MS));
  if (from >= to) throw ApiError.invalid([{ path: 'from', message: 'must be before to' }]);
  return { from, to };
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw ApiError.invalid([{ path: name, message: `must be one of ${allowed.join(', ')}` }]);
  }
  return value as T;
}

const FROM = { name: 'from', required: false, description: 'ISO date or date-time; default 30 days before `to`' } as const;
const TO = { name: 'to', required: false, description: 'ISO date or date-time (exclusive); default now' } as const;
const MONTH = { name: 'month', required: false, description: 'YYYY-MM on the street’s clock (Asia/Shanghai); default the current month' } as const;

/**
 * The leaders' dashboard: figures over the projection for charts, each within what the reader may see, and the
 * street's monthly report. Leaders and coordinators only, like the rates (admins see no cases).
 */
@ApiTags('metrics')
@ApiBearerAuth()
@Roles('leader', 'coordinator')
@Controller('metrics')
export class DashboardController {
  constructor(private readonly figures: DashboardFigures) {}

  @Get('rates/over-time')
  @ApiOperation({
    summary:
      'The three rates per week or month (Asia/Shanghai, weeks from Monday) of the cases opened in each, for the street, per community or per unit; the range widens to whole periods',
  })
  @ApiQuery({ ...FROM, description: 'ISO date or date-time; default 12 periods before `to`' })
  @ApiQuery(TO)
  @ApiQuery({ name: 'unit', required: false, enum: PERIOD_UNITS, description: 'default week' })
  @ApiQuery({ name: 'by', required: false, enum: RATE_GROUPINGS, description: 'overall (default), community or unit' })
  async ratesOverTime(
    @CurrentActor() actor: Actor,
    @Query('from') fromText?: unknown,
    @Query('to') toText?: unknown,
    @Query('unit') unitText?: unknown,
    @Query('by') byText?: unknown,
  ) {
    const unit = oneOf<PeriodUnit>('unit', unitText, PERIOD_UNITS, 'week');
    const by = oneOf<RateGrouping>('by', byText, RATE_GROUPINGS, 'overall');
    const { from, to } = rangeOf(fromText, toText, unit === 'week' ? 12 * 7 : 365);
    // Counted before listing: a year-1-to-9999 range must be refused without making 400,000 periods.
    const first = periodOf(from.toISOString(), unit);
    if ((to.getTime() - Date.parse(first.from)) / DAY_MS > (unit === 'week' ? 7 : 31) * MAX_PERIODS) {
      throw ApiError.invalid([{ path: 'from', message: `at most ${MAX_PERIODS} periods` }]);
    }
    const periods = periodsCovering(from.toISOString(), to.toISOString(), unit);
    const whole = { from: new Date(periods[0].from), to: new Date(periods[periods.length - 1].to) };
    const cases = await this.figures.openedCases(actor, whole);
    const now = new Date().toISOString();
    const points = ratesOverTime(cases, periods, by, now);
    const names = by === 'overall' ? new Map<string, string>() : await this.figures.names(points.map((p) => p.groupId));
    return {
      unit,
      by,
      from: whole.from.toISOString(),
      to: whole.to.toISOString(),
      periods,
      points: points.map((p) => ({ ...p, name: p.groupId ? (names.get(p.groupId) ?? null) : null })),
    };
  }

  @Get('open-by-stage')
  @ApiOperation({ summary: 'Open cases now, by stage (every open stage listed)' })
  async openByStage(@CurrentActor() actor: Actor) {
    return { at: new Date().toISOString(), stages: await this.figures.openByStage(actor) };
  }

  @Get('overdue-by-unit')
  @ApiOperation({
    summary: "Open cases past their stage's time limit now, by current lead unit (organizationId null: no unit leads the case), most first",
  })
  async overdueByUnit(@CurrentActor() actor: Actor) {
    return { at: new Date().toISOString(), units: await this.figures.overdueByUnit(actor) };
  }

  @Get('stage-durations')
  @ApiOperation({ summary: 'Average and longest time spent in each stage, over the stays that ended in [from, to) (from the cases’ stage history)' })
  @ApiQuery(FROM)
  @ApiQuery(TO)
  async stageDurations(@CurrentActor() actor: Actor, @Query('from') fromText?: unknown, @Query('to') toText?: unknown) {
    const range = rangeOf(fromText, toText, 30);
    return { from: range.from.toISOString(), to: range.to.toISOString(), stages: await this.figures.stageStays(actor, range) };
  }

  @Get('ping-pong')
  @ApiOperation({
    summary: 'Declines per unit and reopens per current lead unit, over the cases opened in [from, to): the units cases bounce between',
  })
  @ApiQuery(FROM)
  @ApiQuery(TO)
  async pingPong(@CurrentActor() actor: Actor, @Query('from') fromText?: unknown, @Query('to') toText?: unknown) {
    const range = rangeOf(fromText, toText, 30);
    return { from: range.from.toISOString(), to: range.to.toISOString(), units: await this.figures.pingPong(actor, range) };
  }

  @Get('monthly-report')
  @ApiOperation({
    summary: "The street's report for a month: rates, cases opened, declines and reopens, for the street, each community and each unit",
  })
  @ApiQuery(MONTH)
  monthlyReport(@CurrentActor() actor: Actor, @Query('month') month?: unknown): Promise<MonthlyReport> {
    return this.report(actor, month);
  }

  @Get('monthly-report.csv')
  @ApiOperation({
    summary: "The street's monthly report as a CSV file (UTF-8 with a BOM, for Excel): one row for the street, each community, each unit",
  })
  @ApiQuery(MONTH)
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: ['zh', 'en'],
    description: 'Language of the header and labels; default from Accept-Language, else zh',
  })
  async monthlyReportCsv(
    @CurrentActor() actor: Actor,
    @Query('month') month?: unknown,
    @Query('lang') lang?: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    const language = lang === undefined || typeof lang === 'string' ? exportLanguage(lang, acceptLanguage) : null;
    if (!language) throw ApiError.invalid([{ path: 'lang', message: 'must be zh or en' }]);
    const report = await this.report(actor, month);
    const text = UTF8_BOM + monthlyReportRows(report, language).map(csvRow).join('');
    return new StreamableFile(Readable.from([Buffer.from(text, 'utf8')]), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="report-${report.month}.csv"`,
    });
  }

  private async report(actor: Actor, monthText: unknown): Promise<MonthlyReport> {
    const now = new Date().toISOString();
    const period = monthText === undefined ? periodOf(now, 'month') : typeof monthText === 'string' ? monthPeriod(monthText) : null;
    if (!period) throw ApiError.invalid([{ path: 'month', message: 'must be a month as YYYY-MM' }]);
    const range = { from: new Date(period.from), to: new Date(period.to) };
    const [cases, communities, units] = await Promise.all([
      this.figures.openedCases(actor, range),
      this.figures.communityCounts(actor, range),
      this.figures.pingPong(actor, range),
    ]);
    const names = await this.figures.names([
      actor.organizationId ?? null,
      ...communities.map((c) => c.communityId),
      ...cases.flatMap((c) => c.state.assignments.map((a) => a.organizationId)),
      ...units.map((u) => u.organizationId),
    ]);
    return monthlyReport({
      period,
      now,
      cases,
      communities,
      units,
      names,
      streetName: actor.organizationId ? (names.get(actor.organizationId) ?? null) : null,
    });
  }
}
