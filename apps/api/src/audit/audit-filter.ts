import { isUuid, zodIssues } from '@whistle/domain';
import { storableText } from '@whistle/persistence';
import { z } from 'zod';
import { ApiError } from '../common/api-error';

/** Text a filter may hold: bounded, without what PostgreSQL cannot compare (NUL, lone surrogates). */
const filterText = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => storableText(value) === value, 'must be plain text');
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1).max(100)]);
/** An audit kind such as `case.action`; ending in `.` or `*` it is a prefix (`case.` is every case event). */
const kindPattern = z.string().regex(/^[A-Za-z0-9_.]{1,100}\*?$/, 'must be a kind such as case.action, or a prefix such as case.');
const seq = z.union([z.string().regex(/^[1-9][0-9]{0,17}$/), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]).transform(String);
const instant = z.iso.datetime({ offset: true });

/** The `filter` of `GET /api/audit`; anything else is a 400 naming the key. */
export const auditFilterSchema = z
  .object({
    id: oneOrMany(seq),
    /** A user id or a username: who acted (or, for a failed sign-in, whose name was tried). */
    actor: filterText,
    actorUserId: z.string().refine(isUuid, 'must be a user id'),
    actorUsername: filterText,
    kind: oneOrMany(kindPattern),
    targetType: filterText,
    targetId: filterText,
    /** From this instant (inclusive) to that one (exclusive). */
    from: instant,
    to: instant,
  })
  .partial()
  .strict();

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function parseAuditFilter(filter: Record<string, unknown>): AuditFilter {
  // react-admin sends cleared inputs as empty strings: they filter nothing.
  const given = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== '' && value !== null && value !== undefined));
  const result = auditFilterSchema.safeParse(given);
  if (!result.success) throw ApiError.invalid(zodIssues(result.error).map((issue) => ({ ...issue, path: `filter.${issue.path}` })));
  return result.data;
}

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

/** The WHERE conditions (alias `a`) a parsed filter stands for; all of them must hold. */
export function auditConditions(filter: AuditFilter): SqlCondition[] {
  const conditions: SqlCondition[] = [];
  if (filter.id) conditions.push({ sql: 'a.seq IN (:...ids)', params: { ids: list(filter.id) } });
  if (filter.actor) {
    conditions.push(
      isUuid(filter.actor)
        ? {
            sql: '(a.actor_user_id::text = :actorId OR a.actor_username = :actor)',
            params: { actorId: filter.actor.toLowerCase(), actor: filter.actor },
          }
        : { sql: 'a.actor_username = :actor', params: { actor: filter.actor } },
    );
  }
  if (filter.actorUserId) conditions.push({ sql: 'a.actor_user_id::text = :actorUserId', params: { actorUserId: filter.actorUserId.toLowerCase() } });
  if (filter.actorUsername) conditions.push({ sql: 'a.actor_username = :actorUsername', params: { actorUsername: filter.actorUsername } });
  if (filter.kind) {
    const kinds = list(filter.kind);
    const exact = kinds.filter((kind) => !/[.*]$/.test(kind));
    const prefixes = kinds.filter((kind) => /[.*]$/.test(kind)).map((kind) => kind.replace(/\*$/, ''));
    const params: Record<string, unknown> = {};
    const any: string[] = [];
    if (exact.length) {
      any.push('a.kind IN (:...kinds)');
      params.kinds = exact;
    }
    prefixes.forEach((prefix, i) => {
      // starts_with, not LIKE: `_` in kinds such as `rule_set.` is no wildcard.
      any.push(`starts_with(a.kind, :kindPrefix${i})`);
      params[`kindPrefix${i}`] = prefix;
    });
    conditions.push({ sql: `(${any.join(' OR ')})`, params });
  }
  if (filter.targetType) conditions.push({ sql: 'a.target_type = :targetType', params: { targetType: filter.targetType } });
  if (filter.targetId) conditions.push({ sql: 'a.target_id = :targetId', params: { targetId: filter.targetId } });
  if (filter.from) conditions.push({ sql: 'a.at >= :from', params: { from: new Date(filter.from) } });
  if (filter.to) conditions.push({ sql: 'a.at < :to', params: { to: new Date(filter.to) } });
  return conditions;
}
