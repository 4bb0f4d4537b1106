import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { leadOf, toCaseView, type Actor, type CaseState } from '@whistle/domain';
import { OrganizationEntity } from '@whistle/persistence';
import type { DataSource, QueryRunner } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { currentRequest } from '../../audit/request-context';
import { ApiError } from '../../common/api-error';
import { applyListFilter, applyListSort } from '../../common/list-page';
import type { ListQuery } from '../../common/list-query';
import { CASE_FILTERS, CASE_SORT_COLUMNS, CasesService, withStreet } from '../cases.service';
import { exportHeader, exportRow, type ExportLanguage } from './case-export-row';
import { csvRow, UTF8_BOM } from './csv';

/** What to export: the list's filter and order (its page is ignored), optionally only some ids, in a language. */
export interface ExportRequest {
  query: Pick<ListQuery, 'filter' | 'sortField' | 'sortOrder'>;
  ids?: string[];
  language: ExportLanguage;
}

/** Rows fetched from the cursor at a time: what sits in memory at once, whatever the export's size. */
export const EXPORT_BATCH = 1000;

/**
 * Each running export holds one of the API's ten database connections for as long as the download takes: a few
 * at a time, so exports cannot starve the case engine.
 */
export const MAX_RUNNING_EXPORTS = 3;

interface ExportRow {
  state: CaseState;
  street_id: string | null;
  community_name: string | null;
}

/**
 * The case list, as a CSV file streamed from a PostgreSQL cursor: the same rows the list shows for the same
 * filter (the same scope and filter code, `CasesService.visibleCases`), read a batch at a time inside one
 * read-only transaction, so 10,000 rows never sit in memory and the file is one consistent snapshot. Each export
 * is audited (`case.exported`) with its filter and how many rows it sent.
 */
@Injectable()
export class CaseExports {
  private readonly logger = new Logger('CaseExports');
  private running = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the request and opens the cursor before answering, so a bad filter is a 400 and a database failure a
   * clear error rather than a truncated file; then streams.
   */
  async open(request: ExportRequest, actor: Actor): Promise<Readable> {
    if (this.running >= MAX_RUNNING_EXPORTS) {
      throw ApiError.rateLimited(`${this.running} exports are running; the server takes ${MAX_RUNNING_EXPORTS} at a time`, 10_000);
    }
    const { qb, filter } = this.cases.visibleCases(request.query.filter, actor);
    applyListFilter(qb, filter, CASE_FILTERS);
    if (request.ids) qb.andWhere('c.id IN (:...exportIds)', { exportIds: request.ids });
    applyListSort(qb, request.query, CASE_SORT_COLUMNS);
    qb.select('c.state', 'state')
      .addSelect('c.street_id', 'street_id')
      .addSelect('community.name', 'community_name')
      .leftJoin(OrganizationEntity, 'community', 'community.id = c.community_id');
    const [sql, parameters] = qb.getQueryAndParameters();

    this.running += 1;
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query('SET TRANSACTION READ ONLY');
      await runner.query(`DECLARE case_export NO SCROLL CURSOR FOR ${sql}`, parameters);
    } catch (error) {
      await this.close(runner);
      this.running -= 1;
      throw error;
    }
    return this.stream(runner, request, actor);
  }

  private stream(runner: QueryRunner, request: ExportRequest, actor: Actor): Readable {
    const origin = { address: currentRequest()?.address ?? null, userAgent: currentRequest()?.userAgent ?? null };
    const now = new Date().toISOString();
    const names = new Map<string, string | null>();
    let rows = 0;
    let header = true;
    let done = false;
    const readable: Readable = new Readable({
      read: () => {
        // Readable asks again only after a push, so batches are fetched one at a time, as fast as the client reads.
        void (async () => {
          try {
            const batch = (await runner.query(`FETCH FORWARD ${EXPORT_BATCH} FROM case_export`)) as ExportRow[];
            const leads = await this.leadUnitNames(runner, batch, names);
            let chunk = header ? UTF8_BOM + csvRow(exportHeader(request.language)) : '';
            header = false;
            for (const row of batch) {
              const state = withStreet(row.state, { streetId: row.street_id });
              const view = toCaseView(state, now);
              chunk += csvRow(exportRow({ view, communityName: row.community_name, leadUnitName: leads(state) }, request.language));
            }
            rows += batch.length;
            if (chunk) readable.push(chunk);
            if (batch.length < EXPORT_BATCH) {
              done = true;
              readable.push(null);
            }
          } catch (error) {
            readable.destroy(error as Error);
          }
        })();
      },
      // On the end, an error or the client hanging up alike: the cursor goes, the connection returns, the trail records.
      destroy: (error, callback) => {
        void (async () => {
          await this.close(runner);
          this.running -= 1;
          await this.audit
            .record({
              kind: 'case.exported',
              actor,
              origin,
              data: {
                format: 'csv',
                language: request.language,
                filter: request.query.filter,
                sort: [request.query.sortField, request.query.sortOrder],
                ...(request.ids ? { ids: request.ids } : {}),
                rows,
                complete: done && !error,
              },
            })
            .catch((auditError: unknown) => this.logger.error(`could not audit an export: ${String(auditError)}`));
          callback(error);
        })();
      },
    });
    return readable;
  }

  /** The lead unit's name of each case of a batch (the domain's `leadOf`), looking up only names not yet known. */
  private async leadUnitNames(runner: QueryRunner, batch: ExportRow[], names: Map<string, string | null>) {
    const unknown = [...new Set(batch.map((row) => leadOf(row.state)?.organizationId).filter((id): id is string => !!id && !names.has(id)))];
    if (unknown.length) {
      const found = (await runner.query('SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])', [unknown])) as {
        id: string;
        name: string;
      }[];
      for (const id of unknown) names.set(id, found.find((o) => o.id === id)?.name ?? null);
    }
    return (state: CaseState) => {
      const lead = leadOf(state)?.organizationId;
      return lead ? (names.get(lead) ?? null) : null;
    };
  }

  /** Closing the transaction closes its cursor; a connection that broke is released all the same. */
  private async close(runner: QueryRunner): Promise<void> {
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } catch (error) {
      this.logger.warn(`could not end an export's transaction: ${String(error)}`);
    } finally {
      await runner.release();
    }
  }
}
