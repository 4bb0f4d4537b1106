import type { z } from 'zod';

/**
 * Text PostgreSQL cannot store: a NUL character (refused in `text` and `jsonb`) or half of a UTF-16
 * surrogate pair (refused as a `jsonb` escape, and not Unicode at all). Such text is refused where it enters,
 * never carried into a case, where the database would refuse the row long after the request was answered.
 */
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what this looks for
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/** How deeply a request's JSON may nest; real payloads (a rule-set definition) stay under ten levels. */
export const MAX_INPUT_DEPTH = 32;

export function isSafeText(text: string): boolean {
  return !UNSAFE_TEXT.test(text);
}

/** A field name shown in an error: its unstorable characters spelled as JSON escapes (`title\\u0000`). */
function escapeUnsafe(text: string): string {
  return text.replace(new RegExp(UNSAFE_TEXT.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface InputProblem {
  /** Dotted path from the root, as zod issues name fields (`reporter.name`, `filter.q`, `attendees.0.name`). */
  path: string;
  message: string;
}

/**
 * The first place in a parsed JSON value (keys included) holding text the database cannot store, or nesting
 * deeper than `maxDepth`. Walks with its own stack, so no input can overflow the caller's.
 */
export function findInputProblem(value: unknown, options: { root?: string; maxDepth?: number } = {}): InputProblem | null {
  const maxDepth = options.maxDepth ?? MAX_INPUT_DEPTH;
  const pending: { value: unknown; path: string[] }[] = [{ value, path: options.root ? [options.root] : [] }];
  while (pending.length) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (!isSafeText(current)) return { path: path.join('.'), message: UNSAFE_TEXT_MESSAGE };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length - (options.root ? 1 : 0) >= maxDepth) {
      return { path: path.join('.'), message: `nests deeper than ${maxDepth} levels` };
    }
    const entries = Array.isArray(current) ? current.map((item, i) => [String(i), item] as const) : Object.entries(current);
    // Reversed onto the stack, so the first problem reported is the first in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i];
      if (!isSafeText(key)) return { path: [...path, escapeUnsafe(key)].join('.'), message: `field name ${UNSAFE_TEXT_MESSAGE}` };
      pending.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/**
 * The same check as a zod refinement, for schemas the console validates with too:
 * `schema.superRefine(refuseUnsafeText)` reports each field holding unstorable text.
 */
export function refuseUnsafeText<T>(value: T, context: z.core.$RefinementCtx<T>): void {
  const problem = findInputProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem.message, path: problem.path ? problem.path.split('.') : [], input: value });
}
