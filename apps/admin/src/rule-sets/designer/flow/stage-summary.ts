import { TIMED_STAGES } from '@whistle/domain';

/** The stages a case passes through on the diagram, in order (closed and withdrawn are ends, not steps). */
export const FLOW_STAGES = TIMED_STAGES;
export type FlowStage = (typeof FLOW_STAGES)[number];

/** What a stage's box on the diagram shows. */
export interface StageSummary {
  stage: FlowStage;
  /** The time limit as ISO, or null for none (or one not yet typed). */
  limit: string | null;
  reminders: number;
  escalations: number;
  tasks: number;
}

/** The diagram's facts, read from a draft that may be incomplete or wrong: what is not there counts as none. */
export function stageSummaries(definition: unknown): StageSummary[] {
  const draft = (isObject(definition) ? definition : {}) as { stages?: unknown; tasks?: unknown };
  const stages = isObject(draft.stages) ? draft.stages : {};
  const tasks = Array.isArray(draft.tasks) ? draft.tasks : [];
  return FLOW_STAGES.map((stage) => {
    const rules = isObject(stages[stage]) ? stages[stage] : {};
    const reminders = Array.isArray(rules.reminders) ? rules.reminders.filter(isObject) : [];
    return {
      stage,
      limit: typeof rules.sla === 'string' && rules.sla ? rules.sla : null,
      reminders: reminders.filter((r) => r.level !== 'escalation').length,
      escalations: reminders.filter((r) => r.level === 'escalation').length,
      tasks: tasks.filter((t) => isObject(t) && t.stage === stage).length,
    };
  });
}

/** Whether the draft lets coordination be skipped (drawn as a bypass), and below which rating feedback reopens. */
export function flowSwitches(definition: unknown): { coordinationOptional: boolean; reopenBelow: number } {
  const stages = isObject(definition) && isObject(definition.stages) ? definition.stages : {};
  const coordination = isObject(stages.coordination) ? stages.coordination : {};
  const feedback = isObject(stages.feedback) ? stages.feedback : {};
  return {
    coordinationOptional: coordination.optional === true,
    reopenBelow: typeof feedback.reopenBelow === 'number' ? feedback.reopenBelow : 3,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
