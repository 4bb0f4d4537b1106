import { TIMED_STAGES, STAGES } from '@whistle/domain';
import { z } from 'zod';

/** The answer of `POST /api/rule-sets/simulate` (the domain's `Simulation`, with where its rules came from). */
const timestamp = z.string().describe('ISO-8601 date-time');
const party = z
  .union([
    z.looseObject({ organizationId: z.string() }),
    z.looseObject({ userId: z.string() }),
    z.looseObject({ role: z.enum(['coordinator', 'leader', 'community']) }),
    z.looseObject({ placeholder: z.enum(['lead', 'community']) }),
  ])
  .describe("A recipient as on a real case, or a placeholder for the case's own lead unit or community");

export const simulationSchema = z.looseObject({
  ruleSet: z.looseObject({ ruleSetId: z.string(), version: z.int() }).nullable().describe('The version walked; null for a draft definition'),
  start: timestamp,
  category: z.string(),
  urgency: z.enum(['normal', 'urgent']),
  stages: z.array(z.looseObject({ stage: z.enum(TIMED_STAGES), startedAt: timestamp, dueAt: timestamp.nullable(), endedAt: timestamp.nullable() })),
  units: z.array(
    z.looseObject({
      unit: party,
      role: z.enum(['lead', 'co']),
      dispatchedAt: timestamp,
      dueAt: timestamp.nullable(),
      registeredAt: timestamp.nullable(),
    }),
  ),
  tasks: z.array(
    z.looseObject({
      name: z.string(),
      stage: z.enum(TIMED_STAGES),
      assignee: party,
      required: z.boolean(),
      startedAt: timestamp,
      dueAt: timestamp.nullable(),
      completedAt: timestamp.nullable(),
    }),
  ),
  alarms: z.array(
    z.looseObject({
      at: timestamp,
      level: z.enum(['reminder', 'escalation']),
      stage: z.enum(TIMED_STAGES),
      clock: z.enum(['stage', 'assignment', 'task', 'meeting']),
      dueAt: timestamp.nullable(),
      recipients: z.array(party),
      unit: party.optional(),
      task: z.string().optional(),
    }),
  ),
  end: z.looseObject({
    at: timestamp,
    stage: z.enum(STAGES),
    reason: z.enum(['no_response', 'awaiting_feedback', 'refused', 'cut_short']),
    message: z.string().optional(),
  }),
});
