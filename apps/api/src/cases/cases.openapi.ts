import { actionSchemas, openCaseSchema } from '@whistle/domain';
import { z } from 'zod';

/** JSON schemas generated from the domain's zod schemas, so the docs cannot drift from what is enforced. */
export const openCaseBodySchema = z.toJSONSchema(openCaseSchema, { io: 'input' }) as object;

export const actionBodySchema = {
  oneOf: Object.entries(actionSchemas).map(([type, schema]) => {
    const payload = z.toJSONSchema(schema, { io: 'input' }) as { properties?: object; required?: string[] };
    return {
      title: type,
      type: 'object',
      properties: { type: { type: 'string', const: type }, ...(payload.properties ?? {}) },
      required: ['type', ...(payload.required ?? [])],
      additionalProperties: false,
    };
  }),
  discriminator: { propertyName: 'type' },
};
