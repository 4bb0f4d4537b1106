import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  BUILT_IN_RULE_SET,
  isUuid,
  namesCaseUnit,
  pickRuleSet,
  publicationReach,
  TERMINAL_STAGES,
  ruleSetDefinitionSchema,
  whistleCategories,
  ruleSetReferences,
  validateDefinition,
  type Actor,
  type RuleSetDraft,
  type RuleSetProblem,
  type RuleSetSnapshot,
  type WhistleCategory,
} from '@whistle/domain';
import { CaseEntity, OrganizationEntity, RuleSetEntity, RuleSetVersionEntity, UserEntity } from '@whistle/persistence';
import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { recordRuleSetCreated, recordRuleSetPublished, recordRuleSetUpdated } from '../audit/rule-set-audit';
import { CategoryDirectory } from '../categories/category-directory';
import { ApiError } from '../common/api-error';

export function ruleSetView(entity: RuleSetEntity) {
  const check = validateDefinition(entity.definition);
  return { ...entity, problems: check.ok ? [] : check.problems };
}

/**
 * Rule sets: drafts admins edit, and immutable published versions. A case snapshots the version it starts
 * with, so editing or publishing never changes a running case.
 */
@Injectable()
export class RuleSetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(RuleSetEntity) readonly ruleSets: Repository<RuleSetEntity>,
    @InjectRepository(RuleSetVersionEntity) readonly versions: Repository<RuleSetVersionEntity>,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
    private readonly categoryDirectory: CategoryDirectory,
  ) {}

  // Each change and its audit line commit together.
  async create(draft: RuleSetDraft) {
    return this.dataSource.transaction(async (manager) => {
      const created = await manager.save(this.ruleSets.create({ ...draft, latestVersion: 0 }));
      await recordRuleSetCreated(this.audit, manager, created);
      return ruleSetView(created);
    });
  }

  async update(id: string, draft: RuleSetDraft) {
    await this.find(id);
    return this.dataSource.transaction(async (manager) => {
      // Read under a row lock, so the recorded `before` is what this change replaced.
      const entity = await manager.findOneOrFail(RuleSetEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const before = { ...entity };
      const after = await manager.save(Object.assign(entity, draft));
      await recordRuleSetUpdated(this.audit, manager, before, after);
      return ruleSetView(after);
    });
  }

  async find(id: string): Promise<RuleSetEntity> {
    const entity = isUuid(id) ? await this.ruleSets.findOneBy({ id }) : null;
    if (!entity) throw ApiError.notFound(`rule set ${id}`);
    return entity;
  }

  /** Freezes the draft as the next version, or refuses with every problem (schema and references) listed. */
  async publish(id: string, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.lockRuleSet(manager, id);
      return this.freeze(manager, entity, entity, actor);
    });
  }

  /**
   * A rollback: publishes a copy of an earlier version (its rules and the cases it applies to) as the newest,
   * checked like any publication (an organization it named may have gone since). The draft is left as it is.
   */
  async republish(id: string, versionNumber: number, actor: Actor) {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.lockRuleSet(manager, id);
      const old = await manager.getRepository(RuleSetVersionEntity).findOneBy({ ruleSetId: entity.id, version: versionNumber });
      if (!old) throw ApiError.notFound(`version ${versionNumber} of rule set ${id}`);
      return this.freeze(manager, entity, old, actor, old.version);
    });
  }

  private async lockRuleSet(manager: EntityManager, id: string): Promise<RuleSetEntity> {
    const entity = isUuid(id) ? await manager.getRepository(RuleSetEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!entity) throw ApiError.notFound(`rule set ${id}`);
    return entity;
  }

  /** Checks `source` in full and saves it as the rule set's next version, audited; inside the caller's transaction. */
  private async freeze(
    manager: EntityManager,
    entity: RuleSetEntity,
    source: Pick<RuleSetEntity, 'name' | 'categories' | 'urgencies' | 'definition'>,
    actor: Actor,
    republishedFrom?: number,
  ) {
    const check = validateDefinition(source.definition);
    if (!check.ok) throw new ApiError('invalid', `the definition has ${check.problems.length} problem(s)`, { problems: check.problems });
    const problems = await this.missingReferences(check.definition);
    if (problems.length)
      throw new ApiError('invalid', `the definition names ${problems.length} unknown organization(s) or user(s), or a grid as a unit`, {
        problems,
      });
    const versions = manager.getRepository(RuleSetVersionEntity);
    const version = await versions.save(
      versions.create({
        ruleSetId: entity.id,
        version: entity.latestVersion + 1,
        name: source.name,
        categories: source.categories,
        urgencies: source.urgencies,
        definition: check.definition,
        publishedBy: actor.userId ?? null,
      }),
    );
    entity.latestVersion = version.version;
    await manager.getRepository(RuleSetEntity).save(entity);
    await recordRuleSetPublished(this.audit, manager, version, republishedFrom);
    return this.withPublisher(version, actor.userId ? (await this.users.findOneBy({ id: actor.userId }))?.displayName : undefined);
  }

  /** Every published version, newest first, each with its publisher's display name (null when unknown). */
  async versionsOf(id: string) {
    const ruleSet = await this.find(id);
    const versions = await this.versions.find({ where: { ruleSetId: ruleSet.id }, order: { version: 'DESC' } });
    const publisherIds = [...new Set(versions.map((v) => v.publishedBy).filter((p): p is string => !!p))];
    const names = new Map((publisherIds.length ? await this.users.findBy({ id: In(publisherIds) }) : []).map((u) => [u.id, u.displayName]));
    return versions.map((v) => this.withPublisher(v, v.publishedBy ? names.get(v.publishedBy) : undefined));
  }

  private withPublisher(version: RuleSetVersionEntity, name: string | undefined) {
    return { ...version, publisherName: name ?? null };
  }

  async missingReferences(definition: ReturnType<typeof ruleSetDefinitionSchema.parse>): Promise<RuleSetProblem[]> {
    const refs = ruleSetReferences(definition);
    const orgIds = refs.filter((r) => r.kind === 'organization' && isUuid(r.id)).map((r) => r.id);
    const userIds = refs.filter((r) => r.kind === 'user' && isUuid(r.id)).map((r) => r.id);
    const knownOrgs = new Map((orgIds.length ? await this.organizations.findBy({ id: In(orgIds) }) : []).map((o) => [o.id, o.kind]));
    const knownUsers = new Set((userIds.length ? await this.users.findBy({ id: In(userIds) }) : []).map((u) => u.id));
    const missing = refs
      .filter((r) => !(r.kind === 'organization' ? knownOrgs : knownUsers).has(r.id))
      .map((r) => ({ path: r.path, message: `no ${r.kind} ${r.id}`, reason: r.kind === 'organization' ? 'unknownOrganization' : 'unknownUser' }));
    // A grid is a place: it never leads, co-handles or is assigned a task.
    const grids = refs
      .filter((r) => r.kind === 'organization' && knownOrgs.get(r.id) === 'grid' && namesCaseUnit(r.path))
      .map((r) => ({ path: r.path, message: `${r.id} is a grid, not a unit that handles cases`, reason: 'gridAsUnit' }));
    return [...missing, ...grids];
  }

  /**
   * What publishing the draft now would affect: the open cases running on the current version (they keep it), by
   * stage, and the kinds of new case (category × urgency) that would get the new version.
   */
  async publicationImpact(id: string) {
    const entity = await this.find(id);
    const rows: { stage: string; count: string }[] = entity.latestVersion
      ? await this.dataSource
          .getRepository(CaseEntity)
          .createQueryBuilder('c')
          .select('c.stage', 'stage')
          .addSelect('COUNT(*)', 'count')
          .where("c.state->'ruleSet'->>'ruleSetId' = :id", { id: entity.id })
          .andWhere("(c.state->'ruleSet'->>'version')::int = :version", { version: entity.latestVersion })
          .andWhere('c.stage NOT IN (:...terminal)', { terminal: TERMINAL_STAGES })
          .groupBy('c.stage')
          .getRawMany()
      : [];
    const openByStage = Object.fromEntries(rows.map((r) => [r.stage, Number(r.count)]));
    const latest = await this.latestVersions();
    const reach = publicationReach(
      { ruleSetId: entity.id, categories: entity.categories, urgencies: entity.urgencies },
      latest,
      (await this.whistleCategories(latest)).filter((c) => c.active).map((c) => c.id),
    );
    return {
      currentVersion: entity.latestVersion || null,
      openCases: rows.reduce((sum, r) => sum + Number(r.count), 0),
      openByStage,
      reach,
    };
  }

  /** The newest published version of every rule set: what new cases take their rules from. */
  async latestVersions() {
    const latest = await this.versions
      .createQueryBuilder('v')
      .innerJoin(RuleSetEntity, 'r', 'r.id = v.rule_set_id AND r.latest_version = v.version')
      .getMany();
    return latest.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() }));
  }

  /**
   * Every category (the directory's, retired ones marked, then those only a published rule set names), each with the
   * rule set a normal case of it starts with. `latest` is `latestVersions()` when the caller has read it already.
   */
  async whistleCategories(latest?: Awaited<ReturnType<RuleSetsService['latestVersions']>>): Promise<WhistleCategory[]> {
    return whistleCategories(await this.categoryDirectory.all(), latest ?? (await this.latestVersions()));
  }

  /**
   * The rules a new case starts with: the newest matching published version, else the built-in defaults.
   * `latest` is `latestVersions()` when the caller has read it already.
   */
  async snapshotFor(category: string, urgency: string, latest?: Awaited<ReturnType<RuleSetsService['latestVersions']>>): Promise<RuleSetSnapshot> {
    const chosen = pickRuleSet(latest ?? (await this.latestVersions()), category, urgency);
    if (!chosen) return BUILT_IN_RULE_SET;
    return { ruleSetId: chosen.ruleSetId, version: chosen.version, definition: ruleSetDefinitionSchema.parse(chosen.definition) };
  }
}
