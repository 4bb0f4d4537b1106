import type { PipeTransform } from '@nestjs/common';
import { zodIssues } from '@whistle/domain';
import type { z } from 'zod';
import { ApiError } from './api-error';

/** Parses a request body with a domain schema: unknown fields and bad values are a 400 naming each field. */
export class ZodBody<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) throw ApiError.invalid(zodIssues(result.error));
    return result.data;
  }
}
