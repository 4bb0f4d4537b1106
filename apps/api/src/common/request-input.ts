import { findInputProblem, isUuid } from '@whistle/domain';
import { ApiError } from './api-error';

/** Where a handler's argument came from, as Nest describes it to pipes. */
export interface InputSource {
  type: 'body' | 'query' | 'param' | 'custom';
  data?: string;
}

/**
 * The checks every argument a handler binds goes through before its own parsing:
 * - an `:id` route parameter that is not a UUID names nothing that exists: 404, before it reaches a uuid column
 *   (a resource whose ids are not UUIDs names its parameter otherwise);
 * - a query parameter, route parameter or body (of any content type; JSON bodies are already checked by the
 *   parser) holding text the database cannot store, or nested absurdly deep, is a 400 naming it.
 * What a handler computes itself (`custom`, such as the signed-in actor) is not input and is left alone.
 */
export function refuseBadInput(value: unknown, source: InputSource): void {
  if (source.type === 'param' && source.data === 'id' && !(typeof value === 'string' && isUuid(value))) {
    throw ApiError.notFound(`id ${typeof value === 'string' && !findInputProblem(value) ? value : '(not a valid id)'}`);
  }
  if (source.type === 'query' || source.type === 'param' || source.type === 'body') {
    const problem = findInputProblem(value, { root: source.data });
    if (problem) throw ApiError.invalid([problem]);
  }
}
