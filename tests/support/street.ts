import { call, expectStatus, login } from './api';

/**
 * A street of its own for one test file: organizations and one user per role, with names unique to the
 * run, so suites sharing the database never see each other's data.
 */
export interface TestStreet {
  suffix: string;
  adminToken: string;
  /** `grid` is one of `community`'s grids, `otherGrid` one of `otherCommunity`'s. */
  org: Record<'street' | 'community' | 'otherCommunity' | 'grid' | 'otherGrid' | 'housing' | 'sewage' | 'emergency' | 'property' | 'partner', string>;
  token: Record<'coordinator' | 'community' | 'otherCommunity' | 'housing' | 'sewage' | 'emergency' | 'property' | 'partner' | 'leader', string>;
  user: Record<string, { id: string; username: string }>;
}

const PASSWORD = 'street-test-password';

export async function createTestStreet(): Promise<TestStreet> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const adminToken = await login('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
  const org = async (name: string, kind: string, parentId?: string) =>
    expectStatus(await call('POST', '/organizations', { token: adminToken, body: { name: `${name} ${suffix}`, kind, parentId } }), 201).body
      .id as string;

  const street = await org('Dunhua Road Street', 'street');
  const community = await org('Yichun Road Community', 'community', street);
  const otherCommunity = await org('Liaoyuan Road Community', 'community', street);
  const orgs = {
    street,
    community,
    otherCommunity,
    grid: await org('Yichun Grid 6', 'grid', community),
    otherGrid: await org('Liaoyuan Grid 1', 'grid', otherCommunity),
    housing: await org('Housing Construction Bureau', 'department'),
    sewage: await org('Sewage Management Office', 'department'),
    emergency: await org('Emergency Management Bureau', 'department'),
    property: await org('Xinyuan Property Company', 'property_company'),
    partner: await org('North District Red Partner', 'partner'),
  };
  const people: [keyof TestStreet['token'], string, string[], string][] = [
    ['coordinator', 'coordinator', ['coordinator'], street],
    ['leader', 'leader', ['leader'], street],
    ['community', 'community', ['community'], orgs.community],
    ['otherCommunity', 'other-community', ['community'], orgs.otherCommunity],
    ['housing', 'housing', ['department'], orgs.housing],
    ['sewage', 'sewage', ['department'], orgs.sewage],
    ['emergency', 'emergency', ['department'], orgs.emergency],
    ['property', 'property', ['department'], orgs.property],
    ['partner', 'partner', ['department'], orgs.partner],
  ];
  const token = {} as TestStreet['token'];
  const user: TestStreet['user'] = {};
  for (const [key, name, roles, organizationId] of people) {
    const username = `${name}-${suffix}`;
    const created = expectStatus(
      await call('POST', '/users', {
        token: adminToken,
        body: { username, password: PASSWORD, displayName: `${name} ${suffix}`, roles, organizationId },
      }),
      201,
    );
    user[key] = { id: created.body.id, username };
    token[key] = await login(username, PASSWORD);
  }
  return { suffix, adminToken, org: orgs, token, user };
}

export function whistleBody(street: TestStreet, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Broken sewage pipe under the sidewalk at No. 3 Harbin Road',
    description: 'Sewage flows onto the sidewalk; residents altered the pipe years ago and ownership is unclear.',
    category: 'hidden_danger',
    communityId: street.org.community,
    address: 'No. 3 Harbin Road',
    reporter: { name: 'Wang Li', phone: '13800138000' },
    channel: 'grid_member',
    ...overrides,
  };
}
