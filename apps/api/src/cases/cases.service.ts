import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  CASE_UNIT_KINDS,
  canSeeCase,
  caseCode,
  categoryProblem,
  gridProblem,
  caseWorkflowId,
  decide,
  feedbackLinkExpiresAt,
  feedbackPagePath,
  isUuid,
  maskPhoneFields,
  mayOpenCase,
  mayOpenCaseInSomeStreet,
  mayShareFeedbackLink,
  parseAction,
  residentCaseSummary,
  toCaseView,
  type Actor,
  type CaseAction,
  type CaseState,
  type CaseView,
  type OpenCaseRequest,
} from '@whistle/domain';
import { CaseEntity, CaseEventEntity, nextCaseNumber } from '@whistle/persistence';
import type { FastifyReply } from 'fastify';
import type { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import { ApiError } from '../common/api-error';
import { listPage, type FilterRule } from '../common/list-page';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import type { ListQuery } from '../common/list-query';
import { DirectoryService } from '../directory/directory.service';
import { RuleSetsService } from '../rule-sets/rule-sets.service';
import { caseOpening, type CaseOpening } from './case-opening';
import { CaseWorkflows, OpeningUnderWay } from './case-workflows';
import { caseScopeSql } from './case-scope.sql';
import { CURRENT_LEAD_SQL, OVERDUE_SQL } from './case-conditions.sql';
import { applyInsightFilters } from './case-insight-filters';
import { FeedbackLinks } from './feedback-link';

/** A case's state with the street the projection holds, for cases opened before states carried it. */
export function withStreet(state: CaseState, row: Pick<CaseEntity, 'streetId'>): CaseState {
  return state.streetId === undefined ? { ...state, streetId: row.streetId } : state;
}

/** Namespace for case ids derived from a creator's idempotency key. */
const CASE_ID_NAMESPACE = '3f1c2a52-8c1e-4c55-9a43-6f4f0a6b1e10';

/** How the case list's filter keys (beside `overdue`, `arbitration`, `leadOrganizationId`, `myQueue` and `located`) become SQL. */
export const CASE_FILTERS: Record<string, FilterRule> = {
  q: { search: ['c.title', 'c.code'] },
  stage: { column: 'c.stage' },
  category: { column: 'c.category' },
  urgency: { column: 'c.urgency' },
  communityId: { uuidText: 'c.community_id' },
  gridId: { uuidText: 'c.grid_id' },
  organizationId: { arrayContains: 'c.participant_organization_ids' },
  id: { uuidText: 'c.id' },
};

/** "My unit's queue": the unit (`:queueOrg`) has yet to register a dispatch, or owns an open action item. */
const MY_QUEUE_SQL = [
  `EXISTS (SELECT 1 FROM jsonb_array_elements(c.state->'assignments') qa WHERE qa->>'state' = 'pending' AND qa->>'organizationId' = :queueOrg)`,
  `EXISTS (SELECT 1 FROM jsonb_array_elements(c.state->'actionItems') qi WHERE qi->>'completedAt' IS NULL AND qi->>'ownerOrganizationId' = :queueOrg)`,
].join(' OR ');

export const CASE_SORT_COLUMNS: Record<string, string> = {
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  stageDueAt: 'c.stage_due_at',
  code: 'c.code',
  stage: 'c.stage',
  title: 'c.title',
};

@Injectable()
export class CasesService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>,
    @InjectRepository(CaseEventEntity) private readonly events: Repository<CaseEventEntity>,
    private readonly directory: DirectoryService,
    private readonly workflows: CaseWorkflows,
    private readonly feedbackLinks: FeedbackLinks,
    private readonly ruleSets: RuleSetsService,
  ) {}

  /**
   * The whistle: a community (or a coordinator) raises a case; its workflow starts and persists it. When the
   * engine has not saved it within the wait, the answer is the case's id and code, and how to follow it.
   */
  async open(request: OpenCaseRequest, actor: Actor, idempotencyKey?: string): Promise<CaseView | CaseOpening> {
    const mayNot = () => new ApiError('forbidden', 'only a coordinator of its street, or a user of that community, may blow the whistle for it');
    // Refused before the lookup when no street could allow it, so the answer says nothing about the community.
    if (!mayOpenCaseInSomeStreet(actor, request.communityId)) throw mayNot();
    const streetId = await this.streetOf(request.communityId);
    if (!mayOpenCase(actor, { communityId: request.communityId, streetId })) throw mayNot();
    const id = idempotencyKey ? uuidv5(`${actor.userId}:${idempotencyKey}`, CASE_ID_NAMESPACE) : uuidv4();
    const existing = await this.cases.findOneBy({ id });
    if (existing) return this.viewOf(existing, actor);
    if (request.gridId) await this.checkGrid(request.gridId, request.communityId);
    const published = await this.ruleSets.latestVersions();
    const badCategory = categoryProblem(request.category, await this.ruleSets.whistleCategories(published));
    if (badCategory) throw ApiError.invalid([{ path: 'category', message: badCategory }]);
    await this.checkCommunityHourlyCap(request.communityId);
    const openedAt = new Date();
    const code = caseCode(openedAt.getUTCFullYear(), await nextCaseNumber(this.dataSource));
    const state = await this.workflows.open({
      ...request,
      id,
      code,
      workflowId: caseWorkflowId(id),
      openedBy: actor,
      openedAt: openedAt.toISOString(),
      ruleSet: await this.ruleSets.snapshotFor(request.category, request.urgency, published),
      streetId,
    });
    if (state instanceof OpeningUnderWay) return caseOpening(id, code, idempotencyKey !== undefined);
    const opened = state ?? (await this.cases.findOneBy({ id }))?.state;
    if (!opened) throw new ApiError('unavailable', 'the case was started but is not readable yet; retry with the same key');
    return toCaseView(opened, new Date().toISOString(), actor);
  }

  /**
   * A community may open only so many cases an hour (a runaway script or a compromised account must not flood the
   * street). Counted in the database, so every API process shares it; concurrent opens may pass it by a few. Only
   * the newest `cap` cases of the hour are read (from their index): whether there are more does not matter, and the
   * cap is lifted again when the oldest of them is an hour old.
   */
  private async checkCommunityHourlyCap(communityId: string): Promise<void> {
    const cap = this.config.WHISTLE_CASES_PER_COMMUNITY_HOUR;
    const [{ count, oldest }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count, min(created_at) AS oldest FROM (
         SELECT created_at FROM cases WHERE community_id = $1 AND created_at > now() - interval '1 hour' ORDER BY created_at DESC LIMIT $2
       ) newest`,
      [communityId, cap],
    )) as { count: number; oldest: Date | null }[];
    if (count < cap) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + 3_600_000 - Date.now()) / 1000));
    throw new ApiError('rate_limited', `this community has opened the ${cap} cases it may open in an hour; try again later`, {
      retryAfterSeconds,
    });
  }

  /**
   * The street that will coordinate a case of this community: its parent. A community outside any street is
   * refused (400): nobody would coordinate its cases, and no street's coordinators could see them.
   */
  private async streetOf(communityId: string): Promise<string> {
    const community = await this.directory.requireOrganization(communityId, 'communityId', ['community']);
    const street = community.parentId ? await this.directory.organizations.findOneBy({ id: community.parentId }) : null;
    if (street?.kind !== 'street') {
      throw new ApiError('invalid', `communityId: ${community.name} belongs to no street; give it its street as parent first`, {
        field: 'communityId',
      });
    }
    return street.id;
  }

  /** A case is located in one of its community's grids, or in none. */
  private async checkGrid(gridId: string, communityId: string): Promise<void> {
    const grid = isUuid(gridId) ? await this.directory.organizations.findOneBy({ id: gridId }) : null;
    const problem = gridProblem(gridId, grid, communityId);
    if (problem) throw ApiError.invalid([{ path: 'gridId', message: problem }]);
  }

  /**
   * The view of a stored case for the one who asked (what they may do to it included), with the street its
   * projection holds (older workflow states lack it).
   */
  private viewOf(row: CaseEntity, actor: Actor, state: CaseState = row.state): CaseView {
    return toCaseView(withStreet(state, row), new Date().toISOString(), actor);
  }

  /** A case the actor may see; anything else is a 404, so ids of other units' cases do not leak. */
  async visibleCase(id: string, actor: Actor): Promise<CaseEntity> {
    const row = isUuid(id) ? await this.cases.findOneBy({ id }) : null;
    if (!row || !canSeeCase(actor, row)) throw ApiError.notFound(`case ${id}`);
    return row;
  }

  async get(id: string, actor: Actor): Promise<CaseView> {
    return this.viewOf(await this.visibleCase(id, actor), actor);
  }

  async act(id: string, body: unknown, actor: Actor, idempotencyKey?: string, knownRow?: CaseEntity): Promise<CaseView> {
    const parsed = parseAction(body);
    if (!parsed.ok) throw ApiError.invalid(parsed.issues);
    const row = knownRow ?? (await this.visibleCase(id, actor));
    const updateId = idempotencyKey ? `${actor.userId ?? 'resident'}:${idempotencyKey}` : undefined;
    // The projection is the workflow's last persisted state, so most refusals are answered here without a
    // round trip; the workflow's validator stays the authority for races.
    const refusal = decide(withStreet(row.state, row), parsed.action, actor, new Date().toISOString());
    if (refusal) {
      const earlier = updateId ? await this.workflows.earlierResult(row.workflowId, updateId) : null;
      if (earlier) return this.viewOf(row, actor, earlier);
      throw ApiError.from(refusal);
    }
    await this.checkReferences(parsed.action);
    const state = await this.workflows.act(row.workflowId, { action: parsed.action, actor }, updateId);
    return this.viewOf(row, actor, state);
  }

  /** The link a community hands to the resident; only the case's community and coordinators may get it. */
  async feedbackLink(id: string, actor: Actor) {
    const row = await this.visibleCase(id, actor);
    if (!mayShareFeedbackLink(actor, row)) throw new ApiError('forbidden', "only the case's community or a coordinator may share the feedback link");
    const token = this.feedbackLinks.tokenFor(row.id);
    const expiresAt = feedbackLinkExpiresAt(row.state, this.config.WHISTLE_FEEDBACK_LINK_TTL, new Date().toISOString());
    // `path` is the resident's page on the console's origin; `apiPath` the JSON behind it.
    return { token, path: feedbackPagePath(token), apiPath: `/api/public/feedback/${token}`, expiresAt };
  }

  /** What a resident sees behind their link: enough to recognise the case, nothing about other people. */
  async publicSummary(token: string) {
    const row = await this.caseOfOpenLink(token);
    return residentCaseSummary(row.state, this.linkExpiresAt(row.state));
  }

  async residentFeedback(token: string, body: unknown, idempotencyKey?: string) {
    let row: CaseEntity;
    try {
      row = await this.caseOfOpenLink(token);
    } catch (error) {
      // A retried rating (a double tap, a lost answer) finds the link closed by its own first try: it gets that answer.
      const earlier =
        error instanceof ApiError && error.code === 'gone' && idempotencyKey ? await this.earlierResidentRating(token, idempotencyKey) : null;
      if (earlier) return earlier;
      throw error;
    }
    const payload = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
    const resident: Actor = { kind: 'resident', displayName: 'Resident', roles: [] };
    const after = await this.act(row.id, { ...payload, type: 'feedback' }, resident, idempotencyKey, row);
    return residentCaseSummary(after, this.linkExpiresAt(after));
  }

  private linkExpiresAt(state: Pick<CaseState, 'stage' | 'stageEnteredAt'>): string | null {
    return feedbackLinkExpiresAt(state, this.config.WHISTLE_FEEDBACK_LINK_TTL, new Date().toISOString());
  }

  /** The answer a resident's earlier rating with this key got, if the link's case took one. */
  private async earlierResidentRating(token: string, idempotencyKey: string) {
    const caseId = this.feedbackLinks.caseIdOf(token);
    const row = caseId && isUuid(caseId) ? await this.cases.findOneBy({ id: caseId }) : null;
    // The update id `act` gives a resident's action with this key.
    const earlier = row ? await this.workflows.earlierResult(row.workflowId, `resident:${idempotencyKey}`) : null;
    return earlier ? residentCaseSummary(earlier, this.linkExpiresAt(earlier)) : null;
  }

  /**
   * The case behind a link that still works: a token we did not sign is a 404; a genuine link whose case no
   * longer awaits feedback, or whose time has run out, is a 410 that says nothing about the case.
   */
  private async caseOfOpenLink(token: string): Promise<CaseEntity> {
    const caseId = this.feedbackLinks.caseIdOf(token);
    const row = caseId && isUuid(caseId) ? await this.cases.findOneBy({ id: caseId }) : null;
    if (!row) throw ApiError.notFound('feedback link');
    if (!feedbackLinkExpiresAt(row.state, this.config.WHISTLE_FEEDBACK_LINK_TTL, new Date().toISOString())) {
      throw new ApiError('gone', 'this feedback link is no longer open');
    }
    return row;
  }

  async timeline(id: string, actor: Actor) {
    const row = await this.visibleCase(id, actor);
    const events = await this.events.find({ where: { caseId: row.id }, order: { seq: 'ASC' } });
    // Events carry what their action carried (a meeting's attendees, a unit's contact): phones are masked here too.
    return events.map((e) => ({ id: e.id, seq: e.seq, at: e.at.toISOString(), type: e.type, actor: e.actor, data: maskPhoneFields(e.data) }));
  }

  async list(query: ListQuery, actor: Actor, reply: FastifyReply): Promise<CaseView[]> {
    const { qb, filter } = this.visibleCases(query.filter, actor);
    const rows = await listPage(qb, { ...query, filter }, CASE_FILTERS, CASE_SORT_COLUMNS, reply, 'cases');
    // Each row holds the workflow's last persisted state (the projection's `state`), already loaded for the view:
    // what the actor may do is worked out from it in memory, with no further query.
    return rows.map((row) => this.viewOf(row, actor));
  }

  /**
   * The cases an actor may see (`caseScopeSql`) narrowed by the list's own filters: `overdue` and `arbitration`
   * here, the rest (`CASE_FILTERS`) left for the caller to apply. The list and the export share it.
   */
  visibleCases(filter: ListQuery['filter'], actor: Actor): { qb: SelectQueryBuilder<CaseEntity>; filter: ListQuery['filter'] } {
    const scope = caseScopeSql(actor, 'c');
    const qb = this.cases.createQueryBuilder('c').where(scope.where, scope.params);
    const { overdue, arbitration, leadOrganizationId, myQueue, located, ...rest } = filter;
    if (overdue === true) qb.andWhere(OVERDUE_SQL);
    // Cases declined twice, waiting for the street's leaders to decide who owns them.
    if (arbitration === true) qb.andWhere(`c.stage NOT IN ('closed', 'withdrawn') AND c.state->>'arbitrationRequestedAt' IS NOT NULL`);
    if (leadOrganizationId !== undefined && leadOrganizationId !== null && leadOrganizationId !== '') {
      if (typeof leadOrganizationId !== 'string' || !isUuid(leadOrganizationId)) {
        throw ApiError.invalid([{ path: 'filter.leadOrganizationId', message: 'must be a UUID' }]);
      }
      qb.andWhere(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(c.state->'assignments') la WHERE ${CURRENT_LEAD_SQL('la')} AND la->>'organizationId' = :leadOrg)`,
        {
          leadOrg: leadOrganizationId,
        },
      );
    }
    if (myQueue !== undefined && myQueue !== null && typeof myQueue !== 'boolean') {
      throw ApiError.invalid([{ path: 'filter.myQueue', message: 'must be true or false' }]);
    }
    if (myQueue === true) {
      // A user of no organization has no unit's queue: the filter then matches nothing rather than everything.
      if (!actor.organizationId) qb.andWhere('FALSE');
      else qb.andWhere(`c.stage NOT IN ('closed', 'withdrawn') AND (${MY_QUEUE_SQL})`, { queueOrg: actor.organizationId });
    }
    // Cases with a point on the map (the list's map view asks for these), or without one.
    if (located !== undefined && located !== null && typeof located !== 'boolean') {
      throw ApiError.invalid([{ path: 'filter.located', message: 'must be true or false' }]);
    }
    if (located === true) qb.andWhere('c.latitude IS NOT NULL AND c.longitude IS NOT NULL');
    if (located === false) qb.andWhere('(c.latitude IS NULL OR c.longitude IS NULL)');
    return { qb, filter: applyInsightFilters(qb, rest) };
  }

  /**
   * Organizations an action names must exist, and be units (a grid is a place, not a unit): the workflow cannot
   * look them up, so the API does.
   */
  private async checkReferences(action: CaseAction): Promise<void> {
    const named: [string, string][] = [];
    if (action.type === 'dispatch' || action.type === 'reassign') {
      if (action.leadOrganizationId) named.push([action.leadOrganizationId, 'leadOrganizationId']);
      (action.coHandlerOrganizationIds ?? []).forEach((org, i) => named.push([org, `coHandlerOrganizationIds.${i}`]));
    }
    if (action.type === 'schedule_meeting') {
      action.attendees.forEach((a, i) => 'organizationId' in a && named.push([a.organizationId, `attendees.${i}.organizationId`]));
    }
    if (action.type === 'record_minutes') {
      action.actionItems.forEach((item, i) => named.push([item.ownerOrganizationId, `actionItems.${i}.ownerOrganizationId`]));
    }
    for (const [org, field] of named) await this.directory.requireOrganization(org, field, [...CASE_UNIT_KINDS]);
  }
}
