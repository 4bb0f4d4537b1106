import { ruleSetDefinitionSchema } from '@whistle/domain';
import { useCallback } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useProblemsAt } from '../problems';

/** Where the rule-set form holds the definition being designed, as an object. */
export const DEFINITION = 'definition';

/** What the schema fills in for parts a draft leaves out (a feedback threshold of 3, required tasks): shown, not copied. */
export const SCHEMA_DEFAULTS = ruleSetDefinitionSchema.parse({});

/**
 * The form's value at `source` (any part of a draft may be missing) and a setter that marks the form changed.
 * Setting undefined removes the field: the JSON sent to the API leaves it out, which the schema reads as "none".
 */
export function useFormValue<T>(source: string): [T | undefined, (next: T | undefined) => void] {
  const { setValue } = useFormContext();
  const value = useWatch({ name: source }) as T | undefined;
  const set = useCallback((next: T | undefined) => setValue(source, next, { shouldDirty: true, shouldTouch: true }), [setValue, source]);
  return [value, set];
}

/** The definition-relative path problems are reported at: `definition.stages.registration.sla` → `stages.registration.sla`. */
export function problemPathOf(source: string): string {
  return source.startsWith(`${DEFINITION}.`) ? source.slice(DEFINITION.length + 1) : source;
}

/** The problems of the field at `source` (a form path), worded in the console's language. */
export function useFieldProblems(source: string): string[] {
  return useProblemsAt(problemPathOf(source));
}

/** Whether limits count working time: the engine counts every limit on the rule set's calendar (`dueAfter`). */
export function useWorkingTime(): boolean {
  return useWatch({ name: `${DEFINITION}.calendar.mode` }) === 'working';
}

/** Whether the definition is an object the forms can edit, not JSON text the admin is still fixing. */
export function useDefinitionEditable(): boolean {
  const definition: unknown = useWatch({ name: DEFINITION });
  return definition === undefined || (typeof definition === 'object' && definition !== null && !Array.isArray(definition));
}

/** A list the draft holds at a path: what is there when it is a list, else none yet. */
export function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
