import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid, TIMED_STAGES, type Actor, type CaseState, type DatedCase, type TimedStage } from '@whistle/domain';
import { OrganizationEntity } from '@whistle/persistence';
import { In, type DataSource } from 'typeorm';
import { CURRENT_LEAD_ID_SQL, OVERDUE_SQL } from '../cases/case-conditions.sql';
import { caseScopeSql } from '../cases/case-scope.sql';

/** A time range [from, to) on cases' opening (or, for stage stays, on when the stay ended). */
export interface Range {
  from: Date;
  to: Date;
}

export interface OverdueOfUnit {
  /** The current lead unit; null for the cases no unit leads (not dispatched yet, or the lead declined). */
  organizationId: string | null;
  name: string | null;
  overdue: number;
}

export interface StageStay {
  stage: TimedStage;
  /** Stays in the stage that ended in the range. */
  stays: number;
  averageSeconds: number | null;
  longestSeconds: number | null;
}

export interface PingPongOfUnit {
  organizationId: string | null;
  name: string | null;
  /** Times the unit declined a dispatch, over the cases opened in the range (the domain's `declinesByOrganization`). */
  declines: number;
  declinedCases: number;
  /** Times a low rating reopened a case the unit leads now, over the cases opened in the range. */
  reopens: number;
  reopenedCases: number;
}

export interface CommunityCounts {
  communityId: string;
  opened: number;
  declines: number;
  reopens: number;
}

/**
 * The dashboard's figures as SQL over the projection (`cases`, `case_events`), every query within what the actor may
 * see (`caseScopeSql`). Conditions the case list also uses (overdue, the current lead) come from one place, so a
 * chart's count and the list it drills down to agree. No rate is defined here: rates stay `computeRates`'s.
 */
@Injectable()
export class DashboardFigures {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs SQL with `:named` parameters, the actor's scope as `${scope}` on the alias `c`. */
  private async query<T>(actor: Actor, sql: (scope: string) => string, params: Record<string, unknown> = {}): Promise<T[]> {
    const scope = caseScopeSql(actor, 'c');
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql(scope.where), { ...scope.params, ...params });
    return (await this.dataSource.query(text, values)) as T[];
  }

  /** Open cases by stage, every open stage listed (zero when none). */
  async openByStage(actor: Actor): Promise<{ stage: TimedStage; open: number }[]> {
    const rows = await this.query<{ stage: TimedStage; open: number }>(
      actor,
      (scope) => `SELECT c.stage, count(*)::int AS open FROM cases c WHERE ${scope} AND c.stage NOT IN ('closed', 'withdrawn') GROUP BY c.stage`,
    );
    return TIMED_STAGES.map((stage) => ({ stage, open: rows.find((r) => r.stage === stage)?.open ?? 0 }));
  }

  /** Open cases past their stage's limit now, by current lead unit, most first. */
  async overdueByUnit(actor: Actor): Promise<OverdueOfUnit[]> {
    const rows = await this.query<{ organizationId: string | null; overdue: number }>(
      actor,
      (scope) => `SELECT lead AS "organizationId", count(*)::int AS overdue
         FROM (SELECT ${CURRENT_LEAD_ID_SQL} AS lead FROM cases c WHERE ${scope} AND ${OVERDUE_SQL}) o
         GROUP BY lead ORDER BY overdue DESC, lead`,
    );
    return this.named(rows);
  }

  /**
   * The average and longest time cases spent in each stage, over the stays that ended in the range. A stay starts
   * when the case entered the stage (its `whistled` event, or the `stage_changed` event that led there) and ends
   * at the `stage_changed` event that left it: the timeline is the stage history.
   */
  async stageStays(actor: Actor, range: Range): Promise<StageStay[]> {
    const rows = await this.query<{ stage: string; stays: number; averageSeconds: number; longestSeconds: number }>(
      actor,
      (scope) => `WITH entries AS (
           SELECT e.type, e.at, e.data->>'from' AS left_stage, lag(e.at) OVER (PARTITION BY e.case_id ORDER BY e.seq) AS entered_at
           FROM case_events e
           WHERE e.type IN ('whistled', 'stage_changed') AND e.case_id IN (SELECT c.id FROM cases c WHERE ${scope})
         )
         SELECT left_stage AS stage, count(*)::int AS stays,
                avg(extract(epoch FROM at - entered_at))::float8 AS "averageSeconds",
                max(extract(epoch FROM at - entered_at))::float8 AS "longestSeconds"
         FROM entries
         WHERE type = 'stage_changed' AND entered_at IS NOT NULL AND at >= :from AND at < :to
         GROUP BY left_stage`,
      { from: range.from, to: range.to },
    );
    return TIMED_STAGES.map((stage) => {
      const row = rows.find((r) => r.stage === stage);
      return { stage, stays: row?.stays ?? 0, averageSeconds: row?.averageSeconds ?? null, longestSeconds: row?.longestSeconds ?? null };
    });
  }

  /** Declines per unit and reopens per current lead unit, over the cases opened in the range: the ping-pong measure. */
  async pingPong(actor: Actor, range: Range): Promise<PingPongOfUnit[]> {
    const params = { from: range.from, to: range.to };
    const opened = (scope: string) => `${scope} AND c.created_at >= :from AND c.created_at < :to`;
    const declines = await this.query<{ organizationId: string; declines: number; declinedCases: number }>(
      actor,
      (scope) => `SELECT d.key AS "organizationId", sum(d.value::int)::int AS declines, count(*)::int AS "declinedCases"
         FROM cases c CROSS JOIN LATERAL jsonb_each_text(c.state->'declinesByOrganization') d
         WHERE ${opened(scope)} GROUP BY d.key`,
      params,
    );
    const reopens = await this.query<{ organizationId: string | null; reopens: number; reopenedCases: number }>(
      actor,
      (scope) => `SELECT lead AS "organizationId", sum(reopen_count)::int AS reopens, count(*)::int AS "reopenedCases"
         FROM (SELECT c.reopen_count, ${CURRENT_LEAD_ID_SQL} AS lead FROM cases c WHERE ${opened(scope)} AND c.reopen_count > 0) r
         GROUP BY lead`,
      params,
    );
    const units = new Map<string | null, Omit<PingPongOfUnit, 'name'>>();
    const of = (organizationId: string | null) =>
      units.get(organizationId) ??
      units.set(organizationId, { organizationId, declines: 0, declinedCases: 0, reopens: 0, reopenedCases: 0 }).get(organizationId)!;
    for (const row of declines) Object.assign(of(row.organizationId), { declines: row.declines, declinedCases: row.declinedCases });
    for (const row of reopens) Object.assign(of(row.organizationId), { reopens: row.reopens, reopenedCases: row.reopenedCases });
    const named = await this.named([...units.values()]);
    return named.sort((a, b) => b.declines + b.reopens - (a.declines + a.reopens) || String(a.name).localeCompare(String(b.name)));
  }

  /** Cases opened in the range per community, with their declines and reopens (the case's own counters). */
  async communityCounts(actor: Actor, range: Range): Promise<CommunityCounts[]> {
    return this.query<CommunityCounts>(
      actor,
      (scope) => `SELECT c.community_id AS "communityId", count(*)::int AS opened,
                COALESCE(sum((c.state->>'declineCount')::int), 0)::int AS declines, COALESCE(sum(c.reopen_count), 0)::int AS reopens
         FROM cases c WHERE ${scope} AND c.created_at >= :from AND c.created_at < :to GROUP BY c.community_id ORDER BY c.community_id`,
      { from: range.from, to: range.to },
    );
  }

  /** The cases opened in the range, with what the rates need: `computeRates` then counts them. */
  async openedCases(actor: Actor, range: Range): Promise<DatedCase[]> {
    const rows = await this.query<{ createdAt: Date; communityId: string; state: CaseState }>(
      actor,
      (scope) => `SELECT c.created_at AS "createdAt", c.community_id AS "communityId", c.state
         FROM cases c WHERE ${scope} AND c.created_at >= :from AND c.created_at < :to`,
      { from: range.from, to: range.to },
    );
    return rows.map((r) => ({ createdAt: r.createdAt.toISOString(), communityId: r.communityId, state: r.state }));
  }

  /** Organization names by id (a removed one: null). */
  async names(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null && isUuid(id)))];
    const found = wanted.length ? await this.dataSource.getRepository(OrganizationEntity).findBy({ id: In(wanted) }) : [];
    return new Map(found.map((o) => [o.id, o.name]));
  }

  private async named<T extends { organizationId: string | null }>(rows: T[]): Promise<(T & { name: string | null })[]> {
    const names = await this.names(rows.map((r) => r.organizationId));
    return rows.map((r) => ({ ...r, name: r.organizationId ? (names.get(r.organizationId) ?? null) : null }));
  }
}
