import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { routingTable, type CreateCategoryRequest, type RoutingRow, type UpdateCategoryRequest, type WhistleCategory } from '@whistle/domain';
import { CaseEntity, CategoryEntity, RuleSetEntity, RuleSetVersionEntity } from '@whistle/persistence';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { recordCategoryCreated, recordCategoryDeleted, recordCategoryUpdated } from '../audit/category-audit';
import { ApiError } from '../common/api-error';
import { RuleSetsService } from '../rule-sets/rule-sets.service';

/** A directory category as the API answers it: the list's item (with its rule set) and its timestamps. */
export type CategoryView = WhistleCategory & { createdAt: Date; updatedAt: Date };

/**
 * The category directory admins keep (code, Chinese and English names, order, retired or not). A code never changes:
 * cases and rule sets store it. A category nothing names yet may be deleted (a typo); one that a case or a rule set
 * names is retired instead, so that old cases keep their words and no new whistle uses it.
 */
@Injectable()
export class CategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
    private readonly audit: AuditService,
  ) {}

  /** Every category, as GET /api/categories lists them (see `whistleCategories`). */
  list(): Promise<WhistleCategory[]> {
    return this.ruleSets.whistleCategories();
  }

  /** For every category a new whistle may use and every urgency: the rule set a new case gets (`pickRuleSet`). */
  async routing(): Promise<RoutingRow[]> {
    const latest = await this.ruleSets.latestVersions();
    return routingTable(await this.ruleSets.whistleCategories(latest), latest);
  }

  async get(code: string): Promise<CategoryView> {
    const entity = await this.dataSource.getRepository(CategoryEntity).findOneBy({ code });
    if (!entity) throw ApiError.notFound(`category ${code}`);
    return this.viewOf(entity);
  }

  async create(request: CreateCategoryRequest): Promise<CategoryView> {
    const created = await this.inTransaction(async (manager) => {
      const repository = manager.getRepository(CategoryEntity);
      await this.refuseTakenNames(manager, request);
      const sortOrder = request.sortOrder ?? (await this.nextSortOrder(manager));
      // A directory category exists once (a code only a rule set names may be taken in): inserted unless the code is
      // there already, in one statement, so two admins creating the same code at once get one row and one refusal.
      // ON CONFLICT names the code alone: a name taken meanwhile is the unique index's refusal (see `inTransaction`).
      const inserted: unknown[] = await manager.query(
        `INSERT INTO categories (code, name_zh, name_en, sort_order, active) VALUES ($1, $2, $3, $4, true)
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [request.code, request.nameZh, request.nameEn, sortOrder],
      );
      if (!inserted.length) throw new ApiError('invalid', `code: category ${request.code} exists already`, { field: 'code' });
      const entity = await repository.findOneByOrFail({ code: request.code });
      await recordCategoryCreated(this.audit, manager, entity);
      return entity;
    });
    return this.viewOf(created);
  }

  async update(code: string, request: UpdateCategoryRequest): Promise<CategoryView> {
    const updated = await this.inTransaction(async (manager) => {
      // Read under a row lock, so the recorded `before` is what this change replaced.
      const entity = await manager.findOne(CategoryEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!entity) throw ApiError.notFound(`category ${code}`);
      await this.refuseTakenNames(manager, request, code);
      const before = { ...entity };
      const after = await manager.save(Object.assign(entity, request));
      await recordCategoryUpdated(this.audit, manager, before, after);
      return after;
    });
    return this.viewOf(updated);
  }

  /** Deletes a category nothing names; one a case or any rule set (draft or version) names is refused: retire it. */
  async delete(code: string): Promise<CategoryView> {
    const view = await this.get(code);
    await this.dataSource.transaction(async (manager) => {
      const entity = await manager.findOne(CategoryEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!entity) throw ApiError.notFound(`category ${code}`);
      const usedBy = await this.usage(manager, code);
      if (usedBy.length) {
        throw new ApiError('precondition_failed', `category ${code} is named by ${usedBy.join(' and ')}: retire it instead`, { usedBy });
      }
      await manager.remove(entity);
      await recordCategoryDeleted(this.audit, manager, entity);
    });
    return view;
  }

  /** What names the category: cases, rule-set drafts, published versions (each counted once, if at all). */
  private async usage(manager: EntityManager, code: string): Promise<string[]> {
    const [cases, drafts, versions] = await Promise.all([
      manager.getRepository(CaseEntity).existsBy({ category: code }),
      manager.getRepository(RuleSetEntity).createQueryBuilder('r').where('r.categories @> ARRAY[:code]::text[]', { code }).getExists(),
      manager.getRepository(RuleSetVersionEntity).createQueryBuilder('v').where('v.categories @> ARRAY[:code]::text[]', { code }).getExists(),
    ]);
    return [cases && 'cases', (drafts || versions) && 'rule sets'].filter((x): x is string => !!x);
  }

  /**
   * Refuses a Chinese or English name another category holds (English in any case): a whistle picks a category by
   * name, so two of one name could not be told apart. The unique indexes catch two admins racing for one name.
   */
  private async refuseTakenNames(manager: EntityManager, names: { nameZh?: string; nameEn?: string }, ownCode?: string): Promise<void> {
    const query = manager.getRepository(CategoryEntity).createQueryBuilder('c').select(['c.code', 'c.nameZh', 'c.nameEn']);
    query.where('(c.name_zh = :nameZh OR lower(c.name_en) = lower(:nameEn))', { nameZh: names.nameZh ?? null, nameEn: names.nameEn ?? null });
    if (ownCode) query.andWhere('c.code <> :ownCode', { ownCode });
    const holder = await query.getOne();
    if (!holder) return;
    const field = holder.nameZh === names.nameZh ? 'nameZh' : 'nameEn';
    throw new ApiError('invalid', `${field}: category ${holder.code} is named ${names[field]} already`, { field, code: holder.code });
  }

  /** A transaction whose loss of a race for a name (the unique index, after `refuseTakenNames` passed) is a 400. */
  private async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      const constraint = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
      if (constraint?.code === '23505' && constraint.constraint?.startsWith('UQ_categories_name_')) {
        const field = constraint.constraint.endsWith('_zh') ? 'nameZh' : 'nameEn';
        throw new ApiError('invalid', `${field}: another category has this name`, { field });
      }
      throw error;
    }
  }

  /** A new category goes last unless the admin places it. */
  private async nextSortOrder(manager: EntityManager): Promise<number> {
    const { max } = (await manager
      .getRepository(CategoryEntity)
      .createQueryBuilder('c')
      .select('MAX(c.sort_order)', 'max')
      .getRawOne<{ max: number | null }>()) ?? {
      max: null,
    };
    return (max ?? 0) + 10;
  }

  private async viewOf(entity: CategoryEntity): Promise<CategoryView> {
    const listed = (await this.ruleSets.whistleCategories()).find((c) => c.id === entity.code);
    return { ...listed!, createdAt: entity.createdAt, updatedAt: entity.updatedAt };
  }
}
