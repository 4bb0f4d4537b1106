import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { findInputProblem, isUuid } from '@whistle/domain';
import { ApiError } from './api-error';

/**
 * Runs on every argument a handler binds, before its own pipes (registered as APP_PIPE):
 * - an `:id` route parameter that is not a UUID names nothing that exists: 404, before it reaches a uuid column;
 * - a query parameter, route parameter or body (of any content type; JSON bodies are already checked by the
 *   parser) holding text the database cannot store, or nested absurdly deep, is a 400 naming it.
 */
@Injectable()
export class RequestInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param' && metadata.data === 'id' && !(typeof value === 'string' && isUuid(value))) {
      throw ApiError.notFound(`id ${typeof value === 'string' && !findInputProblem(value) ? value : '(not a valid id)'}`);
    }
    if (metadata.type === 'query' || metadata.type === 'param' || metadata.type === 'body') {
      const problem = findInputProblem(value, { root: metadata.data });
      if (problem) throw ApiError.invalid([problem]);
    }
    return value;
  }
}
