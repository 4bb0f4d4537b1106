import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid, type OpenCaseRequest } from '@whistle/domain';
import { CaseEntity } from '@whistle/persistence';
import type { DataSource } from 'typeorm';
import { AuditService, type AuditEvent } from './audit.service';
import { auditedAction, outcomeOf } from './case-audit-data';

/**
 * Records case openings and actions once the workflow has answered: the change lives in the workflow, not in
 * a transaction the audit line could share. Refusals are recorded too, with their status. Wraps the call:
 * `return caseAudit.action(id, body, () => cases.act(...))`.
 */
@Injectable()
export class CaseAudit {
  private readonly logger = new Logger('CaseAudit');

  constructor(
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** `case.opened`, or `case.open_refused`; the reporter's name and phone and the case text stay out. */
  async opened<T extends { id: string; code: string }>(request: OpenCaseRequest, work: () => Promise<T>): Promise<T> {
    const about = { communityId: request.communityId, category: request.category, urgency: request.urgency, channel: request.channel };
    try {
      const view = await work();
      await this.safely({
        kind: 'case.opened',
        target: { type: 'case', id: view.id },
        data: {
          ...about,
          caseCode: view.code,
          ...('status' in view && view.status === 'opening' ? { outcome: 'opening', status: 202 } : { outcome: 'done', status: 201 }),
        },
      });
      return view;
    } catch (error) {
      await this.safely({ kind: 'case.open_refused', data: { ...about, ...outcomeOf(error) } });
      throw error;
    }
  }

  /**
   * `case.action` with the action's type, masked payload, the case's id and code, and the outcome. The
   * resident of a feedback link has no account: `by: 'resident'` says who acted.
   */
  async action<T extends { code: string }>(caseId: string, body: unknown, work: () => Promise<T>, by?: 'resident'): Promise<T> {
    const about = { ...auditedAction(body), ...(by ? { by } : {}) };
    const target = { type: 'case', id: caseId };
    const actor = by ? { actor: null } : {};
    try {
      const result = await work();
      await this.safely({ kind: 'case.action', target, data: { ...about, caseCode: result.code, outcome: 'done', status: 200 }, ...actor });
      return result;
    } catch (error) {
      await this.safely({ kind: 'case.action', target, data: { ...about, caseCode: await this.caseCode(caseId), ...outcomeOf(error) }, ...actor });
      throw error;
    }
  }

  private async caseCode(caseId: string): Promise<string | null> {
    if (!isUuid(caseId)) return null;
    const row = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id: caseId }, select: { code: true } });
    return row?.code ?? null;
  }

  /** The action has happened (or been refused) whatever the trail does: a failed audit write is logged, not thrown. */
  private async safely(event: AuditEvent): Promise<void> {
    await this.audit
      .record(event)
      .catch((error: unknown) => this.logger.error(`could not audit ${event.kind}: ${error instanceof Error ? error.message : String(error)}`));
  }
}
