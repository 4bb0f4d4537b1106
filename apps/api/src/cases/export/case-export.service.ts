import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@whistle/domain';
import { CategoryEntity, OrganizationEntity } from '@whistle/persistence';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { currentRequest } from '../../audit/request-context';
import { applyListFilter, applyListSort } from '../../common/list-page';
import { CASE_FILTERS, CASE_SORT_COLUMNS, CasesService } from '../cases.service';
import { ExportSlots, streamCaseExport, type ExportRequest } from './case-export-stream';

/**
 * The case list as a CSV file: the same rows the list shows for the same filter (the same scope and filter code,
 * `CasesService.visibleCases`, `applyListFilter`, `applyListSort`), streamed from a cursor (case-export-stream.ts).
 */
@Injectable()
export class CaseExports {
  private readonly logger = new Logger('CaseExports');
  private readonly slots = new ExportSlots();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  /** A bad filter is a 400 here, before anything is opened; a 429 when too many exports are running. */
  async open(request: ExportRequest, actor: Actor): Promise<Readable> {
    const { qb, filter } = this.cases.visibleCases(request.query.filter, actor);
    applyListFilter(qb, filter, CASE_FILTERS);
    if (request.ids) qb.andWhere('c.id IN (:...exportIds)', { exportIds: request.ids });
    applyListSort(qb, request.query, CASE_SORT_COLUMNS);
    qb.select('c.state', 'state')
      .addSelect('community.name', 'community_name')
      .leftJoin(OrganizationEntity, 'community', 'community.id = c.community_id')
      // Compared as text: cases opened before grids were in the directory hold a free-text grid, no id.
      .addSelect('grid.name', 'grid_name')
      .leftJoin(OrganizationEntity, 'grid', "grid.id::text = c.state->>'gridId' AND grid.kind = 'grid'")
      // The category directory's words for it, in the file's language (an admin may rename a category at any time).
      .addSelect(request.language === 'zh' ? 'category.name_zh' : 'category.name_en', 'category_name')
      .leftJoin(CategoryEntity, 'category', 'category.code = c.category');
    const [sql, parameters] = qb.getQueryAndParameters();
    const release = this.slots.take();
    const caller = currentRequest();
    return streamCaseExport({
      runner: this.dataSource.createQueryRunner(),
      sql,
      parameters,
      request,
      actor,
      origin: { address: caller?.address ?? null, userAgent: caller?.userAgent ?? null },
      record: (event) => this.audit.record(event),
      onClose: release,
      warn: (message) => this.logger.warn(message),
    });
  }
}
