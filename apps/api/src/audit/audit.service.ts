import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@whistle/domain';
import { appendAudit, appendAuditIn } from '@whistle/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { currentRequest } from './request-context';

/** One audited event; who, from where and when are filled in from the request being handled. */
export interface AuditEvent {
  /** e.g. `auth.sign_in`, `auth.sign_in_failed`, `user.updated`, `case.action`, `case.phone_revealed` */
  kind: string;
  target?: { type: string; id: string };
  /** `before`/`after` for changes; whatever else says what happened. Never passwords or tokens. */
  data?: Record<string, unknown>;
  /** Defaults to the signed-in actor of the current request. */
  actor?: Actor | null;
  /** For events without an account (a failed sign-in names the username tried). */
  username?: string;
  /** Where the request came from, when the event is recorded outside the request's context (a guard's refusal). */
  origin?: { address: string | null; userAgent: string | null };
}

/** Writes the append-only, hash-chained audit trail. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends the event; pass the transaction's manager to commit it with the change it describes. */
  async record(event: AuditEvent, manager?: EntityManager): Promise<void> {
    const request = currentRequest();
    const actor = event.actor === undefined ? request?.actor : event.actor;
    const entry = {
      actorUserId: actor?.userId ?? null,
      actorUsername: actor?.username ?? event.username ?? null,
      kind: event.kind,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      address: event.origin?.address ?? request?.address ?? null,
      userAgent: event.origin?.userAgent ?? request?.userAgent ?? null,
      data: event.data ?? {},
    };
    if (manager) await appendAuditIn(manager, entry);
    else await appendAudit(this.dataSource, entry);
  }
}
