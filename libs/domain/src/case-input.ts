import { z } from 'zod';
import { geoPointSchema } from './places';
import { refuseUnsafeText } from './safe-text';

export const CHANNELS = ['grid_member', 'hotline', 'platform', 'walk_in'] as const;
export const URGENCIES = ['normal', 'urgent'] as const;

const phone = z.string().regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number');

/** The whistle: what a community (or a coordinator) says when it raises a case to the street. */
export const openCaseSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(5000),
    /** One of GET /api/categories (checked by the API against the published rule sets). */
    category: z.string().trim().min(1).max(64).describe('One of the categories GET /api/categories lists'),
    communityId: z.string().min(1),
    /** The grid (an organization of kind `grid`) of the community the problem is in; the API checks it is one. */
    gridId: z.string().min(1).optional().describe("One of the community's grids (an organization of kind grid whose parent is the community)"),
    address: z.string().trim().max(300).optional(),
    /** The point on the map the problem is at (picked on the console's map), beside or instead of the address. */
    location: geoPointSchema.optional().describe('The point the problem is at: latitude -90..90, longitude -180..180 (WGS 84 degrees)'),
    reporter: z.object({ name: z.string().trim().min(1).max(100), phone }).strict(),
    channel: z.enum(CHANNELS),
    urgency: z.enum(URGENCIES).default('normal'),
  })
  .strict()
  .superRefine(refuseUnsafeText);
export type OpenCaseRequest = z.infer<typeof openCaseSchema>;

/** Keeps a reporter's number recognisable to staff without showing all of it. */
export function maskPhone(phoneNumber: string): string {
  const digits = phoneNumber.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  // Too short to keep both the first 3 and the last 4 and still hide a digit: keep only the last 2.
  if (digits.length < 8) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
