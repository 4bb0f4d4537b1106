import { STAGES } from '@whistle/domain';
import { z } from 'zod';

/** The answers of the rule-set migration routes (apps/api/src/rule-sets/rule-set-migration.controller.ts). */
const timestamp = z.string().describe('ISO-8601 date-time');

const clockShift = z.looseObject({
  clockId: z.string(),
  kind: z.enum(['stage', 'assignment', 'task']),
  subject: z.record(z.string(), z.unknown()).describe('What the clock is for: `{stage}`, `{organizationId, role}` or `{taskId, name}`'),
  startedAt: timestamp,
  fromDueAt: timestamp.nullable().describe('The limit now'),
  toDueAt: timestamp.nullable().describe('The limit under the new version'),
});

export const migrationPreviewSchema = z.looseObject({
  ruleSetId: z.uuid(),
  targetVersion: z.int().min(1),
  total: z.int().min(0),
  cases: z.array(
    z.looseObject({
      id: z.uuid(),
      code: z.string(),
      stage: z.enum(STAGES),
      category: z.string(),
      communityId: z.uuid(),
      communityName: z.string().nullable(),
      version: z.int().describe('The version the case runs on now'),
      clocks: z.array(clockShift),
    }),
  ),
});

export const migrationBatchSchema = z.looseObject({
  id: z.uuid(),
  ruleSetId: z.uuid(),
  targetVersion: z.int().min(1),
  filter: z.record(z.string(), z.unknown()),
  status: z.enum(['running', 'finished']),
  total: z.int().min(0),
  done: z.int().min(0),
  failed: z.int().min(0),
  skipped: z.int().min(0),
  pending: z.int().min(0),
  items: z.array(
    z.looseObject({
      caseId: z.uuid(),
      code: z.string(),
      status: z.enum(['pending', 'done', 'failed', 'skipped']),
      reason: z.string().optional().describe('Why it failed, or why it was skipped (already_on_version, case_closed, other_rule_set)'),
      clocks: z
        .array(clockShift.omit({ startedAt: true }))
        .optional()
        .describe('Once moved: each running limit before and after'),
    }),
  ),
  createdBy: z.uuid().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});
