import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '@whistle/domain';

export const PUBLIC_ROUTE = 'whistle:public';
export const REQUIRED_ROLES = 'whistle:roles';
export const OPEN_BEFORE_PASSWORD_CHANGE = 'whistle:open-before-password-change';

/** The route needs no token (login, health, the resident's feedback link). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The route needs one of these roles; declared on the route so permissions read where they apply. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/**
 * The route stays open to a user whose password was reset and not yet changed (changing it, signing out);
 * every other route refuses them with 403 `password_change_required`.
 */
export const OpenBeforePasswordChange = () => SetMetadata(OPEN_BEFORE_PASSWORD_CHANGE, true);

/** The authenticated person, as the domain sees them. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
