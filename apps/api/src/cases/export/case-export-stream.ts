import { Readable } from 'node:stream';
import { leadOf, describeCase, type Actor, type CaseState } from '@whistle/domain';
import type { QueryRunner } from 'typeorm';
import type { AuditEvent } from '../../audit/audit.service';
import { ApiError } from '../../common/api-error';
import { exportHeader, exportRow, type ExportLanguage } from './case-export-row';
import { csvRow, UTF8_BOM } from './csv';

/**
 * The streaming half of the case export, apart from Nest so it is specified without a server: a PostgreSQL
 * cursor read a batch at a time inside one read-only transaction (one consistent snapshot, 10,000 rows never in
 * memory at once, nothing fetched faster than the client reads), written out as CSV, and audited when it ends.
 */

/** What to export: the list's filter and order (its page is ignored), optionally only some ids, in a language. */
export interface ExportRequest {
  query: { filter: Record<string, unknown>; sortField: string; sortOrder: 'ASC' | 'DESC' };
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

/** The exports running in this API process; `take` refuses (429) once they are all in use. */
export class ExportSlots {
  private running = 0;

  constructor(private readonly max = MAX_RUNNING_EXPORTS) {}

  /** A slot, and the function that gives it back (once, however often it is called). */
  take(): () => void {
    if (this.running >= this.max) throw ApiError.rateLimited(`${this.running} exports are running; the server takes ${this.max} at a time`, 10_000);
    this.running += 1;
    let released = false;
    return () => {
      if (!released) this.running -= 1;
      released = true;
    };
  }
}

/** One row of the cursor's query: the case's state and the names of its community, grid and category. */
export interface ExportRow {
  state: CaseState;
  community_name: string | null;
  grid_name?: string | null;
  /** The category directory's name in the file's language (null: not in the directory). */
  category_name?: string | null;
}

export interface ExportContext {
  /** A fresh query runner: the export's own connection. */
  runner: QueryRunner;
  /** The cursor's query (it must select `state` and `community_name`, and may select `grid_name` and `category_name`), as TypeORM renders it for the driver. */
  sql: string;
  parameters: unknown[];
  request: ExportRequest;
  actor: Actor;
  /** Where the request came from: the trail records the export after the request's handler has returned. */
  origin: { address: string | null; userAgent: string | null };
  record(event: AuditEvent): Promise<void>;
  /** Called once, when the export has ended one way or another. */
  onClose(): void;
  warn(message: string): void;
}

/**
 * Opens the cursor before answering, so a database failure is an error response rather than a truncated file;
 * then streams. On the end, an error or the client hanging up alike, the transaction (and the cursor) is closed,
 * the connection returned and the export recorded (`case.exported`: filter, sort, ids, rows sent, complete).
 */
export async function streamCaseExport(context: ExportContext): Promise<Readable> {
  const { runner, request } = context;
  try {
    await runner.connect();
    await runner.startTransaction();
    await runner.query('SET TRANSACTION READ ONLY');
    await runner.query(`DECLARE case_export NO SCROLL CURSOR FOR ${context.sql}`, context.parameters);
  } catch (error) {
    await close(context);
    context.onClose();
    throw error;
  }
  const now = new Date().toISOString();
  const names = new Map<string, string | null>();
  let rows = 0;
  let header = true;
  let done = false;

  const nextChunk = async (): Promise<string> => {
    const batch = (await runner.query(`FETCH FORWARD ${EXPORT_BATCH} FROM case_export`)) as ExportRow[];
    await learnLeadUnitNames(runner, batch, names);
    let chunk = header ? UTF8_BOM + csvRow(exportHeader(request.language)) : '';
    header = false;
    for (const row of batch) {
      const lead = leadOf(row.state)?.organizationId;
      const exported = {
        view: describeCase(row.state, now),
        communityName: row.community_name,
        gridName: row.grid_name ?? null,
        categoryName: row.category_name ?? null,
        leadUnitName: lead ? (names.get(lead) ?? null) : null,
      };
      chunk += csvRow(exportRow(exported, request.language));
    }
    rows += batch.length;
    done = batch.length < EXPORT_BATCH;
    return chunk;
  };

  const readable: Readable = new Readable({
    // Readable asks again only after a push, so batches are fetched one at a time, as fast as the client reads.
    read: () => {
      nextChunk().then(
        (chunk) => {
          if (chunk) readable.push(chunk);
          if (done) readable.push(null);
        },
        (error: unknown) => readable.destroy(error as Error),
      );
    },
    destroy: (error, callback) => {
      void (async () => {
        await close(context);
        context.onClose();
        await context
          .record({
            kind: 'case.exported',
            actor: context.actor,
            origin: context.origin,
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
          .catch((auditError: unknown) => context.warn(`could not audit an export: ${String(auditError)}`));
        callback(error);
      })();
    },
  });
  return readable;
}

/** Adds the names of the batch's lead units (the domain's `leadOf`) not yet known: one query a batch at most. */
async function learnLeadUnitNames(runner: QueryRunner, batch: ExportRow[], names: Map<string, string | null>): Promise<void> {
  const unknown = [...new Set(batch.map((row) => leadOf(row.state)?.organizationId).filter((id): id is string => !!id && !names.has(id)))];
  if (!unknown.length) return;
  const found = (await runner.query('SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])', [unknown])) as { id: string; name: string }[];
  for (const id of unknown) names.set(id, found.find((o) => o.id === id)?.name ?? null);
}

/** Closing the transaction closes its cursor; a connection that broke is released all the same. Never throws. */
async function close({ runner, warn }: ExportContext): Promise<void> {
  try {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
  } catch (error) {
    warn(`could not end an export's transaction: ${String(error)}`);
  }
  await runner.release().catch((error: unknown) => warn(`could not release an export's connection: ${String(error)}`));
}
