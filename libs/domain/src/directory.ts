import { z } from 'zod';

/**
 * Who exists: the organizations of a street and the people who act for them. A `grid` (网格) is a patch of a
 * community (its parent) that a case is located in, not a unit that handles cases (see ./grids).
 */
export const ORGANIZATION_KINDS = ['street', 'community', 'department', 'property_company', 'partner', 'grid'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ROLES = ['admin', 'coordinator', 'community', 'department', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/** The person (or public link) behind an action, as the API authenticated it. */
export interface Actor {
  /** `resident` is the public feedback link: no account, proven by the case's feedback token. */
  kind: 'user' | 'resident' | 'system';
  userId?: string;
  username?: string;
  displayName?: string;
  roles: Role[];
  organizationId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', displayName: 'Whistle', roles: [] };

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

export const createOrganizationSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(ORGANIZATION_KINDS),
    parentId: z.string().uuid().nullable().optional(),
    /** A WeCom or DingTalk group robot for this organization's reminders. */
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
    /** A grid's grid member responsible: an active user of the grid or of its community (`gridResponsibleProblem`). */
    responsibleUserId: z
      .uuid()
      .nullable()
      .optional()
      .describe('Grids only: the grid member responsible, an active user of the grid or its community'),
  })
  .strict();
export const updateOrganizationSchema = createOrganizationSchema.partial().strict();
export type UpdateOrganizationRequest = z.infer<typeof updateOrganizationSchema>;
export type CreateOrganizationRequest = z.infer<typeof createOrganizationSchema>;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * The length rule of a new password. The rest of the policy (not a common password, not the username) is
 * `passwordProblem` in ./password-policy, which the API applies after this schema.
 */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `at most ${PASSWORD_MAX_LENGTH} characters`);

/** An account's roles: at least one, each once (a role listed twice means nothing more, and shows twice everywhere). */
const roleList = z
  .array(z.enum(ROLES))
  .min(1)
  .refine((roles) => new Set(roles).size === roles.length, 'each role may be given once');

export const createUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'lower-case letters, digits, dot, dash or underscore; 2 to 63 long'),
    password: newPasswordSchema,
    displayName: z.string().trim().min(1).max(100),
    roles: roleList,
    organizationId: z.string().uuid().nullable().optional(),
  })
  .strict();
export type CreateUserRequest = z.infer<typeof createUserSchema>;

/** An admin's edit of an account; the username and password are not edited here. `active: false` deactivates. */
export const updateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    roles: roleList,
    organizationId: z.string().uuid().nullable(),
    active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateUserRequest = z.infer<typeof updateUserSchema>;

/**
 * What an admin's edit of an account means beyond its fields. Deactivation, or a change of roles or
 * organization, ends the person's sessions: what their tokens were issued for no longer holds. Taking an
 * active admin's account out of the admin role (or deactivating it) needs another active admin to remain.
 */
export function userEditEffects(
  before: { active: boolean; roles: readonly Role[]; organizationId: string | null },
  edit: UpdateUserRequest,
): { endsSessions: boolean; removesAdmin: boolean } {
  const after = { ...before, ...edit };
  const sameRoles = after.roles.length === before.roles.length && after.roles.every((role) => before.roles.includes(role));
  return {
    endsSessions: (before.active && !after.active) || !sameRoles || after.organizationId !== before.organizationId,
    removesAdmin: before.active && before.roles.includes('admin') && (!after.active || !after.roles.includes('admin')),
  };
}

/** Anyone changing their own password proves they know the current one. */
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: newPasswordSchema })
  .strict();
export type ChangePasswordRequest = z.infer<typeof changePasswordSchema>;

export const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict();
