import { createUserSchema, updateUserSchema, userEditEffects } from './directory';

describe('userEditEffects', () => {
  const department = { active: true, roles: ['department' as const], organizationId: 'org-1' };
  const admin = { active: true, roles: ['admin' as const, 'coordinator' as const], organizationId: null };

  it('keeps sessions for a new display name, the same roles in another order, or an unchanged organization', () => {
    expect(userEditEffects(department, { displayName: 'He Hongna' }).endsSessions).toBe(false);
    expect(userEditEffects(admin, { roles: ['coordinator', 'admin'], organizationId: null }).endsSessions).toBe(false);
    expect(userEditEffects(department, { active: true, organizationId: 'org-1' }).endsSessions).toBe(false);
  });

  it('ends sessions on deactivation, a role change or an organization change', () => {
    expect(userEditEffects(department, { active: false }).endsSessions).toBe(true);
    expect(userEditEffects(department, { roles: ['department', 'leader'] }).endsSessions).toBe(true);
    expect(userEditEffects(department, { organizationId: 'org-2' }).endsSessions).toBe(true);
    expect(userEditEffects(department, { organizationId: null }).endsSessions).toBe(true);
  });

  it('notices when an active admin is deactivated or loses the role, and nothing else', () => {
    expect(userEditEffects(admin, { active: false }).removesAdmin).toBe(true);
    expect(userEditEffects(admin, { roles: ['coordinator'] }).removesAdmin).toBe(true);
    expect(userEditEffects(admin, { displayName: 'Root' }).removesAdmin).toBe(false);
    expect(userEditEffects({ ...admin, active: false }, { roles: ['coordinator'] }).removesAdmin).toBe(false);
    expect(userEditEffects(department, { active: false }).removesAdmin).toBe(false);
  });
});

describe('account schemas', () => {
  const account = { username: 'wang.li', password: 'Correct-Horse-Battery-9', displayName: 'Wang Li', roles: ['department'] };

  it('take each role once, and refuse a role given twice (the fuzz run found such accounts)', () => {
    expect(createUserSchema.safeParse(account).success).toBe(true);
    expect(createUserSchema.safeParse({ ...account, roles: ['department', 'coordinator'] }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...account, roles: ['department', 'department'] }).success).toBe(false);
    expect(updateUserSchema.safeParse({ roles: ['coordinator', 'community', 'coordinator'] }).success).toBe(false);
    expect(updateUserSchema.safeParse({ roles: ['coordinator', 'community'] }).success).toBe(true);
  });
});
