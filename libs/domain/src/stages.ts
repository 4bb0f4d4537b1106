/** The life of a case, in the order a healthy case walks it. */
export const STAGES = ['whistle', 'registration', 'coordination', 'resolution', 'feedback', 'closed', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages a rule set can put a time limit on: every stage a case can wait in. */
export const TIMED_STAGES = ['whistle', 'registration', 'coordination', 'resolution', 'feedback'] as const;
export type TimedStage = (typeof TIMED_STAGES)[number];

export const TERMINAL_STAGES: readonly Stage[] = ['closed', 'withdrawn'];

export function isOpenStage(stage: Stage): stage is TimedStage {
  return !TERMINAL_STAGES.includes(stage);
}
