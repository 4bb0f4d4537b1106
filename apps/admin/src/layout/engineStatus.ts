/** What GET /api/health answers: each dependency's status (see apps/api/src/health/health.controller.ts). */
export interface HealthAnswer {
  status: 'up' | 'down';
  checks?: Partial<Record<EnginePart, { status: 'up' | 'down' }>>;
}

/** The parts without which no case moves, in the order a person can do something about them. */
export const ENGINE_PARTS = ['workers', 'temporal', 'postgres'] as const;
export type EnginePart = (typeof ENGINE_PARTS)[number];

/**
 * The parts the banner names as down: those the health answer reports down, every part when the server did not
 * answer at all (`null`), none when it is up.
 */
export function partsDown(answer: HealthAnswer | null): EnginePart[] | 'server' {
  if (answer === null) return 'server';
  if (answer.status === 'up') return [];
  const down = ENGINE_PARTS.filter((part) => answer.checks?.[part]?.status === 'down');
  // Down without naming a part (an older API): say the engine is down rather than nothing.
  return down.length > 0 ? down : ['workers'];
}
