import { z } from 'zod';

/** The building blocks of action payloads. */
export const id = z.string().min(1).max(100);
// In UTC from year 1: an instant in year 0 or before Christ is nothing a case means, and PostgreSQL would
// refuse it wherever it becomes a due date.
// (A malformed value is the datetime check's to report, not this one's.)
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((value) => !(new Date(value).getUTCFullYear() < 1), 'must fall in the year 1 or later');
export const text = (max: number) => z.string().trim().min(1).max(max);
