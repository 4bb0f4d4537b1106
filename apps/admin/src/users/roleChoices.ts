import { ROLES } from '@whistle/domain';

export const roleChoices = ROLES.map((id) => ({ id, name: `whistle.roles.${id}` }));
