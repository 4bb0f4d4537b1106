import { useQuery } from '@tanstack/react-query';
import { validateDefinition, type RuleSetProblem } from '@whistle/domain';
import { createContext, useContext, useDeferredValue, useMemo, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { httpClient } from '../../dataProvider';
import { useSettled } from './useSettled';

/** How long the admin pauses before the server checks the references: a check per keystroke would be noise. */
const SERVER_CHECK_PAUSE_MS = 400;

export interface DefinitionCheck {
  /** Every problem, each at its definition-relative path (`stages.registration.sla`). */
  problems: RuleSetProblem[];
  /** True until the server has judged what is on screen (its organizations and users exist): publishing may still refuse. */
  pending: boolean;
}

const DefinitionCheckContext = createContext<DefinitionCheck>({ problems: [], pending: false });

/**
 * Judges the definition being designed exactly as publishing will: the schema at once (the domain's
 * `validateDefinition`), then, once the admin pauses, POST /api/rule-sets/validate for the references (the same check
 * publishing makes), so the live check and publishing never disagree.
 */
export function DefinitionCheckProvider({ definition, children }: { definition: unknown; children: ReactNode }) {
  const deferred = useDeferredValue(definition);
  const local = useMemo(() => validateDefinition(deferred ?? {}), [deferred]);
  const settled = useSettled(local.ok ? JSON.stringify(deferred) : null, SERVER_CHECK_PAUSE_MS);
  const server = useQuery({
    queryKey: ['rule-sets', 'validate', settled],
    enabled: settled !== null,
    staleTime: 30_000,
    queryFn: async () => {
      const { json } = await httpClient('/api/rule-sets/validate', { method: 'POST', body: settled! });
      return json as { valid: boolean; problems: RuleSetProblem[] };
    },
  });
  const check: DefinitionCheck = useMemo(() => {
    if (!local.ok) return { problems: local.problems, pending: false };
    const judged = settled === JSON.stringify(deferred) && server.data;
    return judged ? { problems: server.data.problems, pending: false } : { problems: [], pending: true };
  }, [local, settled, deferred, server.data]);
  return <DefinitionCheckContext.Provider value={check}>{children}</DefinitionCheckContext.Provider>;
}

export function useDefinitionCheck(): DefinitionCheck {
  return useContext(DefinitionCheckContext);
}

/** A problem in the console's language: its reason's words when the console has them, else the API's English. */
export function useProblemWords(): (problem: RuleSetProblem) => string {
  const translate = useTranslate();
  return (problem) => (problem.reason ? translate(`whistle.problems.${problem.reason}`, { ...problem.params, _: problem.message }) : problem.message);
}

/** The problems of exactly the field at `path` (definition-relative, such as `stages.registration.sla`), worded. */
export function useProblemsAt(path: string): string[] {
  const { problems } = useDefinitionCheck();
  const words = useProblemWords();
  return problems.filter((p) => p.path === path).map(words);
}

/** How many problems lie at `prefix` or under it: a stage's badge on the diagram, a tab's. */
export function useProblemCountUnder(prefix: string): number {
  const { problems } = useDefinitionCheck();
  return problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || prefix === '').length;
}
