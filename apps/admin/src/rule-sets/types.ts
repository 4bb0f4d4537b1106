import type { RuleSetProblem } from '@whistle/domain';

/** A rule set as GET /api/rule-sets answers it: the editable draft, its newest version number, and its problems. */
export interface RuleSetRecord {
  id: string;
  name: string;
  categories: string[];
  urgencies: ('normal' | 'urgent')[];
  definition: Record<string, unknown>;
  latestVersion: number;
  problems: RuleSetProblem[];
  createdAt: string;
  updatedAt: string;
}
