import {
  BUILT_IN_RULE_SET,
  STANDARD_CATEGORIES,
  whistleCategories,
  type Actor,
  type CaseSeed,
  type CaseState,
  type OpenCaseRequest,
} from '@whistle/domain';
import type { CaseEntity, OrganizationEntity } from '@whistle/persistence';
import type { DataSource, Repository } from 'typeorm';
import { act as actOn, coordinator, openedCase, sewageUser } from '@whistle/domain/src/testing/case-fixtures';
import { ApiError } from '../common/api-error';
import type { ApiConfig } from '../config/api-config';
import { DirectoryService } from '../directory/directory.service';
import type { RuleSetsService } from '../rule-sets/rule-sets.service';
import type { CaseWorkflows } from './case-workflows';
import { CasesService } from './cases.service';
import { FeedbackLinks } from './feedback-link';

/**
 * The cases service's own logic, with its repositories and the Temporal client replaced by fakes: which requests
 * it answers itself (idempotent repeats, refusals the projection already shows, unknown references) and which it
 * hands to the workflow.
 */
const STREET = '6f1b5c9e-0000-4000-8000-000000000001';
const OTHER_STREET = '6f1b5c9e-0000-4000-8000-000000000002';
const COMMUNITY = '6f1b5c9e-0000-4000-8000-000000000003';
const HOUSING = '6f1b5c9e-0000-4000-8000-000000000004';
const SEWAGE = '6f1b5c9e-0000-4000-8000-000000000005';
const GRID = '6f1b5c9e-0000-4000-8000-000000000006';
const OTHER_COMMUNITY = '6f1b5c9e-0000-4000-8000-000000000007';
const OTHER_GRID = '6f1b5c9e-0000-4000-8000-000000000008';
const CASE_ID = '6f1b5c9e-0000-4000-8000-0000000000c1';
const UNKNOWN = '6f1b5c9e-0000-4000-8000-0000000000ff';

const organizations: Partial<OrganizationEntity>[] = [
  { id: STREET, kind: 'street', name: 'Dunhua street', parentId: null },
  { id: OTHER_STREET, kind: 'street', name: 'Other street', parentId: null },
  { id: COMMUNITY, kind: 'community', name: 'Yichun community', parentId: STREET },
  { id: HOUSING, kind: 'department', name: 'Housing bureau', parentId: null },
  { id: SEWAGE, kind: 'department', name: 'Sewage office', parentId: null },
  { id: GRID, kind: 'grid', name: 'Grid 6', parentId: COMMUNITY },
  { id: OTHER_COMMUNITY, kind: 'community', name: 'Liaoyuan community', parentId: STREET },
  { id: OTHER_GRID, kind: 'grid', name: 'Liaoyuan grid 1', parentId: OTHER_COMMUNITY },
];

const streetCoordinator: Actor = { kind: 'user', userId: 'u-coordinator', roles: ['coordinator'], organizationId: STREET };
const communityUser: Actor = { kind: 'user', userId: 'u-community', roles: ['community'], organizationId: COMMUNITY };
const request: OpenCaseRequest = {
  title: 'Broken sewage pipe',
  description: 'Sewage flows over the sidewalk.',
  category: 'hidden_danger',
  communityId: COMMUNITY,
  address: 'No. 3 Harbin Road',
  reporter: { name: 'Aunt Li', phone: '13812345678' },
  channel: 'grid_member',
  urgency: 'normal',
} as OpenCaseRequest;

/** A stored case in registration, its projection as the worker writes it. */
function storedCase(state: CaseState = registrationState()): CaseEntity {
  return {
    id: CASE_ID,
    workflowId: `case-${CASE_ID}`,
    communityId: COMMUNITY,
    streetId: STREET,
    participantOrganizationIds: [COMMUNITY, HOUSING],
    state,
  } as CaseEntity;
}

function registrationState(): CaseState {
  const opened = openedCase({ id: CASE_ID, workflowId: `case-${CASE_ID}`, communityId: COMMUNITY, streetId: STREET });
  return actOn(opened, { type: 'dispatch', leadOrganizationId: HOUSING }, { ...coordinator, organizationId: STREET });
}

function setUp() {
  const rows = new Map<string, CaseEntity>();
  const cases = { findOneBy: jest.fn(async ({ id }: { id: string }) => rows.get(id) ?? null) };
  const organizationRepository = { findOneBy: jest.fn(async ({ id }: { id: string }) => organizations.find((o) => o.id === id) ?? null) };
  const directory = new DirectoryService(
    {} as ApiConfig,
    organizationRepository as unknown as Repository<OrganizationEntity>,
    {} as never,
    {} as never,
  );
  const dataSource = {
    query: jest.fn(async (sql: string) => (sql.includes('nextval') ? [{ n: '7' }] : [{ count: 0, oldest: null }])),
  };
  const workflows = {
    // The workflow opens the case and persists it: the projection then holds it.
    open: jest.fn(async (seed: CaseSeed) => {
      const state = openedCase(seed);
      rows.set(seed.id, { ...storedCase(state), id: seed.id });
      return state;
    }),
    act: jest.fn(async (): Promise<CaseState> => ({ ...registrationState(), version: 99 })),
    earlierResult: jest.fn(async (): Promise<CaseState | null> => null),
  };
  // The category directory as it starts (the standard categories); nothing published.
  const standardDirectory = STANDARD_CATEGORIES.map((code, i) => ({ code, nameZh: code, nameEn: code, active: true, sortOrder: i }));
  const ruleSets = {
    latestVersions: jest.fn(async () => []),
    whistleCategories: jest.fn(async () => whistleCategories(standardDirectory, [])),
    snapshotFor: jest.fn(async () => BUILT_IN_RULE_SET),
  };
  const config = { WHISTLE_CASES_PER_COMMUNITY_HOUR: 30, WHISTLE_FEEDBACK_LINK_TTL: 'P14D', WHISTLE_JWT_SECRET: 'x'.repeat(32) } as ApiConfig;
  const service = new CasesService(
    config,
    dataSource as unknown as DataSource,
    cases as unknown as Repository<CaseEntity>,
    {} as never,
    directory,
    workflows as unknown as CaseWorkflows,
    new FeedbackLinks(config),
    ruleSets as unknown as RuleSetsService,
  );
  return { service, rows, workflows, organizationRepository };
}

/** The ApiError a call is refused with, as `{code, status}` plus its details. */
async function refusalOf(call: Promise<unknown>): Promise<{ code: string; status: number; details?: Record<string, unknown> }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return { code: error.code, status: error.status, details: error.details };
}

describe('CasesService.open', () => {
  it('returns the same case for a repeat with the same Idempotency-Key, starting one workflow only', async () => {
    const { service, workflows } = setUp();
    const first = await service.open(request, communityUser, 'key-1');
    const again = await service.open(request, communityUser, 'key-1');
    expect(again.id).toBe(first.id);
    expect(workflows.open).toHaveBeenCalledTimes(1);
  });

  it('answers a repeat with the same key but another body with the first case: the key, not the body, names the case', async () => {
    const { service, workflows } = setUp();
    const first = await service.open(request, communityUser, 'key-1');
    const changed = await service.open({ ...request, title: 'Another problem' }, communityUser, 'key-1');
    expect(changed).toMatchObject({ id: first.id, title: request.title });
    expect(workflows.open).toHaveBeenCalledTimes(1);
  });

  it('opens a new case for a new key, and for the same key sent by someone else', async () => {
    const { service, workflows } = setUp();
    const first = await service.open(request, communityUser, 'key-1');
    const otherKey = await service.open(request, communityUser, 'key-2');
    const otherUser = await service.open(request, streetCoordinator, 'key-1');
    expect(new Set([first.id, otherKey.id, otherUser.id]).size).toBe(3);
    expect(workflows.open).toHaveBeenCalledTimes(3);
  });

  it('opens a new case every time without a key', async () => {
    const { service, workflows } = setUp();
    const [a, b] = [await service.open(request, communityUser), await service.open(request, communityUser)];
    expect(a.id).not.toBe(b.id);
    expect(workflows.open).toHaveBeenCalledTimes(2);
  });

  it('refuses someone no street could allow before looking the community up', async () => {
    const { service, workflows, organizationRepository } = setUp();
    const department: Actor = { kind: 'user', userId: 'u-housing', roles: ['department'], organizationId: HOUSING };
    expect(await refusalOf(service.open(request, department))).toMatchObject({ code: 'forbidden', status: 403 });
    expect(organizationRepository.findOneBy).not.toHaveBeenCalled();
    expect(workflows.open).not.toHaveBeenCalled();
  });

  it("refuses another street's coordinator once the community's street is known", async () => {
    const { service, workflows } = setUp();
    const outsider: Actor = { ...streetCoordinator, organizationId: OTHER_STREET };
    expect(await refusalOf(service.open(request, outsider))).toMatchObject({ code: 'forbidden', status: 403 });
    expect(workflows.open).not.toHaveBeenCalled();
  });

  it('refuses with a 400 naming communityId a community that does not exist, or is not a community', async () => {
    const { service, workflows } = setUp();
    for (const communityId of [UNKNOWN, HOUSING]) {
      expect(await refusalOf(service.open({ ...request, communityId }, streetCoordinator))).toMatchObject({
        code: 'invalid',
        status: 400,
        details: { field: 'communityId' },
      });
    }
    expect(workflows.open).not.toHaveBeenCalled();
  });

  it("keeps a grid of the case's community", async () => {
    const { service, workflows } = setUp();
    expect(await service.open({ ...request, gridId: GRID }, communityUser)).toMatchObject({ gridId: GRID });
    expect(workflows.open).toHaveBeenCalledWith(expect.objectContaining({ gridId: GRID }));
  });

  it("refuses with a 400 naming gridId a grid that does not exist, is no grid, or is another community's", async () => {
    const { service, workflows } = setUp();
    for (const gridId of [UNKNOWN, 'grid-6', HOUSING, OTHER_GRID]) {
      expect(await refusalOf(service.open({ ...request, gridId }, streetCoordinator))).toMatchObject({
        code: 'invalid',
        status: 400,
        details: { issues: [expect.objectContaining({ path: 'gridId' })] },
      });
    }
    expect(workflows.open).not.toHaveBeenCalled();
  });

  it('refuses with a 400 naming category one that is neither in the directory nor named by a published rule set', async () => {
    const { service, workflows } = setUp();
    expect(await refusalOf(service.open({ ...request, category: 'parking' }, communityUser))).toMatchObject({
      code: 'invalid',
      status: 400,
      details: { issues: [expect.objectContaining({ path: 'category' })] },
    });
    expect(workflows.open).not.toHaveBeenCalled();
  });

  it('hands the workflow the street the community belongs to', async () => {
    const { service, workflows } = setUp();
    await service.open(request, communityUser);
    expect(workflows.open).toHaveBeenCalledWith(
      expect.objectContaining({ communityId: COMMUNITY, streetId: STREET, code: expect.stringMatching(/-000007$/) }),
    );
  });
});

describe('CasesService.act', () => {
  function withStoredCase() {
    const setup = setUp();
    setup.rows.set(CASE_ID, storedCase());
    return setup;
  }

  it('refuses an action the projected state refuses, without reaching Temporal', async () => {
    const { service, workflows } = withStoredCase();
    const refusal = await refusalOf(service.act(CASE_ID, { type: 'resolve', summary: 'done', outcome: 'resolved' }, streetCoordinator));
    expect(refusal).toMatchObject({ code: 'stage_conflict', status: 409, details: { stage: 'registration' } });
    const forbidden = await refusalOf(service.act(CASE_ID, { type: 'dispatch', leadOrganizationId: HOUSING }, communityUser));
    expect(forbidden).toMatchObject({ code: 'forbidden', status: 403 });
    expect(workflows.act).not.toHaveBeenCalled();
  });

  it('answers a retried action the projection now refuses with its first result, when it carries the same key', async () => {
    const { service, workflows } = withStoredCase();
    const first = { ...registrationState(), version: 7 };
    workflows.earlierResult.mockResolvedValueOnce(first);
    const view = await service.act(CASE_ID, { type: 'dispatch', leadOrganizationId: HOUSING }, streetCoordinator, 'key-1');
    expect(view.version).toBe(7);
    expect(workflows.earlierResult).toHaveBeenCalledWith(`case-${CASE_ID}`, 'u-coordinator:key-1');
    expect(workflows.act).not.toHaveBeenCalled();
  });

  it('still refuses that action when the key was never used', async () => {
    const { service } = withStoredCase();
    expect(await refusalOf(service.act(CASE_ID, { type: 'dispatch', leadOrganizationId: HOUSING }, streetCoordinator, 'key-new'))).toMatchObject({
      code: 'stage_conflict',
    });
  });

  it('sends an allowed action to the workflow with an update id scoped to the user and key', async () => {
    const { service, workflows } = withStoredCase();
    const view = await service.act(CASE_ID, { type: 'comment', text: 'on my way' }, streetCoordinator, 'key-1');
    expect(workflows.act).toHaveBeenCalledWith(
      `case-${CASE_ID}`,
      { action: { type: 'comment', text: 'on my way' }, actor: streetCoordinator },
      'u-coordinator:key-1',
    );
    expect(view.version).toBe(99);
  });

  it('refuses, naming the field, an organization an action names that does not exist', async () => {
    const { service, workflows } = withStoredCase();
    const lead = await refusalOf(service.act(CASE_ID, { type: 'reassign', leadOrganizationId: UNKNOWN }, streetCoordinator));
    expect(lead).toMatchObject({ code: 'invalid', status: 400, details: { field: 'leadOrganizationId' } });
    const coHandler = await refusalOf(
      service.act(CASE_ID, { type: 'reassign', leadOrganizationId: HOUSING, coHandlerOrganizationIds: [SEWAGE, UNKNOWN] }, streetCoordinator),
    );
    expect(coHandler.details).toEqual({ field: 'coHandlerOrganizationIds.1' });
    expect(workflows.act).not.toHaveBeenCalled();
  });

  it('refuses a grid as a unit: grids locate cases, they never handle them', async () => {
    const { service, workflows } = withStoredCase();
    const lead = await refusalOf(service.act(CASE_ID, { type: 'reassign', leadOrganizationId: GRID }, streetCoordinator));
    expect(lead).toMatchObject({ code: 'invalid', status: 400, details: { field: 'leadOrganizationId' } });
    expect(workflows.act).not.toHaveBeenCalled();
  });

  it('refuses a malformed body with the issues, and a case the actor may not see as unknown', async () => {
    const { service, workflows } = withStoredCase();
    expect(await refusalOf(service.act(CASE_ID, { type: 'teleport' }, streetCoordinator))).toMatchObject({ code: 'invalid', status: 400 });
    expect(
      await refusalOf(service.act(CASE_ID, { type: 'comment', text: 'x' }, { ...streetCoordinator, organizationId: OTHER_STREET })),
    ).toMatchObject({ code: 'not_found', status: 404 });
    expect(await refusalOf(service.act(UNKNOWN, { type: 'comment', text: 'x' }, streetCoordinator))).toMatchObject({ status: 404 });
    expect(workflows.act).not.toHaveBeenCalled();
  });
});

describe('CasesService.feedbackLink', () => {
  it("gives the link to the case's community and coordinators only", async () => {
    const { service, rows } = setUp();
    rows.set(CASE_ID, storedCase());
    // The resident's page in the console, and the API path behind it.
    expect(await service.feedbackLink(CASE_ID, communityUser)).toMatchObject({
      path: expect.stringMatching(/^\/#\/feedback\//),
      apiPath: expect.stringMatching(/^\/api\/public\/feedback\//),
    });
    expect((await service.feedbackLink(CASE_ID, streetCoordinator)).path).toMatch(/^\/#\/feedback\//);
    const housing: Actor = { ...sewageUser, organizationId: HOUSING };
    expect(await refusalOf(service.feedbackLink(CASE_ID, housing))).toMatchObject({ code: 'forbidden', status: 403 });
  });
});
