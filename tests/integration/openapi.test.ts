import { ACTION_TYPES } from '@whistle/domain';
import { call, expectStatus } from '../support/api';

describe('OpenAPI', () => {
  it('documents every action with its payload fields', async () => {
    const doc = expectStatus(await call('GET', '/docs-json'), 200).body;
    const body = doc.paths['/api/cases/{id}/actions'].post.requestBody.content['application/json'].schema;
    const byType = Object.fromEntries(body.oneOf.map((s: any) => [s.properties.type.const, s]));
    expect(Object.keys(byType).sort()).toEqual([...ACTION_TYPES].sort());
    expect(byType.dispatch.properties).toHaveProperty('leadOrganizationId');
    expect(byType.record_minutes.properties.actionItems.items.required).toEqual(['ownerOrganizationId', 'title', 'dueAt']);
    expect(byType.feedback.required).toEqual(['type', 'satisfaction']);
    expect(doc.paths['/api/cases'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['title', 'description', 'category', 'communityId', 'reporter', 'channel']),
    );
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });

  it('serves the interactive docs page', async () => {
    const page = await call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('swagger');
  });
});
