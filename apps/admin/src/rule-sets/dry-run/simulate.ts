import type { Simulation } from '@whistle/domain';
import { httpClient } from '../../dataProvider';

/** The rules a dry run walks: a published version of a rule set, or a draft definition. */
export type DryRunRules = { ruleSetId: string; version: number } | { definition: Record<string, unknown> };

/** What the admin picks: when the case opens (an ISO instant) and what kind of case it is. */
export interface DryRunCase {
  start: string;
  category: string;
  urgency: 'normal' | 'urgent';
}

/** POST /api/rule-sets/simulate's answer: the walk, with the version it walked (null for a draft). */
export type DryRunAnswer = Simulation & { ruleSet: { ruleSetId: string; version: number } | null };

/** Runs the dry run; a refusal is react-admin's HttpError, its body carrying `details.problems` or `details.issues`. */
export async function simulate(rules: DryRunRules, kind: DryRunCase): Promise<DryRunAnswer> {
  const { json } = await httpClient('/api/rule-sets/simulate', { method: 'POST', body: JSON.stringify({ ...rules, ...kind }) });
  return json as DryRunAnswer;
}
