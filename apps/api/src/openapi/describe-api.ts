import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { OPEN_BEFORE_PASSWORD_CHANGE, PUBLIC_ROUTE, REQUIRED_ROLES } from '../auth/auth.decorators';
import { ERROR_DESCRIPTIONS, errorStatusesOf, type RouteTraits } from './error-responses';
import { ROUTES, type ListDescription, type RouteDescription } from './routes';
import { errorBodySchema } from './view-schemas';

// The document is plain JSON that this module reshapes; its parts are typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const IDEMPOTENCY_KEY_REF = { $ref: '#/components/parameters/IdempotencyKey' };

/**
 * A zod schema as an inline JSON Schema (the document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12):
 * what the API answers (`output`), or what a request may send (`input`, before any transform).
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

interface HandlerMetadata {
  isPublic: boolean;
  roles: string[];
  openBeforePasswordChange: boolean;
}

/** `@Public()`, `@Roles()` and `@OpenBeforePasswordChange()` of each handler, by Swagger's default operationId (`Controller_method`). */
function handlerMetadata(app: INestApplication): Map<string, HandlerMetadata> {
  const reflector = new Reflector();
  const byOperationId = new Map<string, HandlerMetadata>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type?.prototype) continue;
      for (const method of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const targets = [handler, type];
        byOperationId.set(`${type.name}_${method}`, {
          isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true,
          roles: reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, targets) ?? [],
          openBeforePasswordChange: reflector.getAllAndOverride<boolean>(OPEN_BEFORE_PASSWORD_CHANGE, targets) === true,
        });
      }
    }
  }
  return byOperationId;
}

function listParameters(list: ListDescription): Json[] {
  const bound = { type: 'integer', minimum: 0, maximum: 1_000_000 };
  return [
    {
      name: 'filter',
      in: 'query',
      required: false,
      description: 'A JSON object of filters; a JSON array as a value means "any of"; an unknown key is a 400',
      content: { 'application/json': { schema: jsonSchema(list.filter, 'input') } },
    },
    {
      name: 'range',
      in: 'query',
      required: false,
      description: 'JSON [first, last], zero-based and inclusive, at most 500 rows; default [0, 24]',
      content: { 'application/json': { schema: { type: 'array', prefixItems: [bound, bound], minItems: 2, maxItems: 2 } } },
    },
    {
      name: 'sort',
      in: 'query',
      required: false,
      description: `JSON [field, "ASC"|"DESC"], field one of ${list.sortable.join(', ')}`,
      content: {
        'application/json': {
          schema: { type: 'array', prefixItems: [{ enum: [...list.sortable] }, { enum: ['ASC', 'DESC'] }], minItems: 2, maxItems: 2 },
        },
      },
    },
  ];
}

/** Headers on every answer the API gives (edge/security-headers.ts): never cached, never sniffed. */
const EDGE_HEADERS: Json = {
  'Cache-Control': { $ref: '#/components/headers/CacheControl' },
  'X-Content-Type-Options': { $ref: '#/components/headers/XContentTypeOptions' },
};

function successResponse(route: RouteDescription, operation: Json): Json {
  const response: Json = { description: operation.summary ?? 'OK', headers: { ...EDGE_HEADERS } };
  if (route.schema) response.content = { [route.mediaType ?? 'application/json']: { schema: jsonSchema(route.schema) } };
  if (route.mediaType) {
    response.headers['Content-Disposition'] = {
      description: 'A download: `attachment; filename="cases-20261130-1957.csv"` (an attachment shown in place: `inline; ...`)',
      required: true,
      schema: { type: 'string' },
    };
  }
  if (route.list) {
    response.headers = {
      ...response.headers,
      'Content-Range': {
        description: 'Which rows this page holds and how many match, as react-admin reads it: `cases 0-24/319`',
        required: true,
        schema: { type: 'string', pattern: '^[a-z-]+ \\d+-\\d+/\\d+$' },
      },
    };
  }
  return response;
}

function acceptedResponse(accepted: NonNullable<RouteDescription['accepted']>): Json {
  return {
    description: accepted.description,
    headers: { ...EDGE_HEADERS, Location: { description: 'Where the resource will be', required: true, schema: { type: 'string' } } },
    content: { 'application/json': { schema: jsonSchema(accepted.schema) } },
  };
}

function errorResponse(status: number, route: RouteDescription): Json {
  const body = route.errorBodies?.[status];
  if (body)
    return { description: ERROR_DESCRIPTIONS[status], headers: { ...EDGE_HEADERS }, content: { 'application/json': { schema: jsonSchema(body) } } };
  return { $ref: `#/components/responses/Error${status}` };
}

function sharedComponents(document: OpenAPIObject): void {
  const components = (document.components ??= {}) as Json;
  components.schemas = { ...components.schemas, Error: jsonSchema(errorBodySchema) };
  components.responses = { ...components.responses };
  components.headers = {
    ...components.headers,
    CacheControl: { description: 'Nothing the API answers may be cached', required: true, schema: { type: 'string', const: 'no-store' } },
    XContentTypeOptions: {
      description: 'Browsers must not guess content types (helmet)',
      required: true,
      schema: { type: 'string', const: 'nosniff' },
    },
  };
  for (const [status, description] of Object.entries(ERROR_DESCRIPTIONS)) {
    const response: Json = {
      description,
      headers: { ...EDGE_HEADERS },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
    if (status === '429')
      response.headers['Retry-After'] = { description: 'Seconds to wait', required: true, schema: { type: 'string', pattern: '^\\d+$' } };
    components.responses[`Error${status}`] = response;
  }
  // Node answers this itself, without a body, when the request line or headers pass its 16 KiB limit.
  components.responses.RequestHeadersTooLarge = { description: 'The URL or the headers are longer than the server accepts (16 KiB)' };
  components.parameters = {
    ...components.parameters,
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Repeating a write with the same key (per user) returns the first result instead of acting twice',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
    },
  };
}

/** Inline `Idempotency-Key` declarations (controllers' @ApiHeader) give way to the one shared parameter. */
function withSharedIdempotencyKey(parameters: Json[] = [], idempotent: boolean): Json[] {
  const rest = parameters.filter((p) => !(p.in === 'header' && String(p.name).toLowerCase() === 'idempotency-key'));
  return idempotent ? [...rest, IDEMPOTENCY_KEY_REF] : rest;
}

/**
 * Makes the generated document tell the truth about answers: each operation gets its success schema from
 * the registry (routes.ts), every error status its traits imply with the one error body, its security
 * (none on public routes), the react-admin list parameters, and the shared Idempotency-Key header.
 * Operations missing from the registry are left as Nest generated them; the completeness test catches them.
 */
export function describeApi(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  document.openapi = '3.1.0';
  sharedComponents(document);
  const metadata = handlerMetadata(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Json)[method] as Json | undefined;
      if (!operation) continue;
      const route = ROUTES[`${method.toUpperCase()} ${path}`];
      const handler = metadata.get(operation.operationId);
      if (!route || !handler) continue;
      operation.parameters = withSharedIdempotencyKey(operation.parameters, !!route.idempotent);
      if (route.list) operation.parameters.push(...listParameters(route.list));
      if (route.filtered) operation.parameters.push(...listParameters(route.filtered).filter((p) => p.name !== 'range'));
      operation.security = handler.isPublic ? [] : [{ bearer: [] }];
      const traits: RouteTraits = {
        method,
        path,
        isPublic: handler.isPublic,
        roles: handler.roles,
        openBeforePasswordChange: handler.openBeforePasswordChange,
        // A path parameter other than `id` is checked as text (NUL, lone surrogates: 400); a bad `id` is a 404.
        takesInput:
          !!operation.requestBody ||
          operation.parameters.some((p: Json) => p.$ref || p.in === 'query' || p.in === 'header' || (p.in === 'path' && p.name !== 'id')),
        extraErrors: route.errors ?? [],
      };
      const responses: Json = { [route.status]: successResponse(route, operation) };
      if (route.accepted) responses[202] = acceptedResponse(route.accepted);
      for (const status of errorStatusesOf(traits)) responses[status] = errorResponse(status, route);
      responses[431] = { $ref: '#/components/responses/RequestHeadersTooLarge' };
      operation.responses = responses;
    }
  }
  return document;
}
