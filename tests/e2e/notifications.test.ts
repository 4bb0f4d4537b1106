import type { Page } from 'playwright-core';
import { call, expectStatus } from '../support/api';
import { act, getCase, openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { eventually } from '../support/webhook-receiver';
import { browserSession } from './pages/browser';
import { CaseShowPage } from './pages/CaseShowPage';
import { LoginPage } from './pages/LoginPage';
import { NotificationsPage } from './pages/NotificationsPage';

const PASSWORD = 'street-test-password';
jest.setTimeout(60_000);

/**
 * A department's user finds the reminder its rule set raised a second after dispatch, marks it read, and
 * works the case's checklist: completes its task and asks for more time.
 */
describe('notifications and case tasks in the console', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;
  let category: string;

  beforeAll(async () => {
    street = await createTestStreet();
    category = `e2e_notices_${street.suffix}`;
    const ruleSet = expectStatus(
      await call('POST', '/rule-sets', {
        token: street.adminToken,
        body: {
          name: `Quick reminders ${street.suffix}`,
          categories: [category],
          definition: {
            stages: { registration: { sla: 'P1D', reminders: [{ at: 'PT1S', notify: ['assignee'], level: 'reminder' }] } },
            tasks: [{ stage: 'registration', name: 'Site inspection', assignee: { lead: true }, due: 'PT4H' }],
          },
        },
      }),
      201,
    ).body;
    expectStatus(await call('POST', `/rule-sets/${ruleSet.id}/publish`, { token: street.adminToken }), 201);
  });

  beforeEach(() => {
    page = session.page;
  });

  it('a department user sees its reminder, marks it read, then completes its task and requests an extension', async () => {
    const opened = await openCase(street, { category, title: `Blocked drain at No. 8 Yan'an Road ${street.suffix}` });
    await act(opened.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    const filter = encodeURIComponent(JSON.stringify({ caseId: opened.id, channel: 'in_app', level: 'reminder' }));
    const [reminder] = await eventually(async () => {
      const rows = expectStatus(await call('GET', `/notifications?filter=${filter}`, { token: street.token.sewage }), 200).body;
      return rows.length > 0 && rows;
    });
    expect(reminder).toEqual(expect.objectContaining({ recipientOrganizationId: street.org.sewage, readAt: null }));

    await new LoginPage(page).open();
    await new LoginPage(page).signIn(street.user.sewage.username, PASSWORD);
    const notices = new NotificationsPage(page);
    expect(await notices.unreadCount()).toBeGreaterThanOrEqual(1);
    await notices.openFromBell();
    // The reminder's row (the dispatch and its task are told too).
    const row = notices.row(opened.code).filter({ hasText: '【催办】' });
    await row.getByTestId('notification-level').filter({ hasText: '催办' }).waitFor();
    expect(await row.getByTestId('notification-message').innerText()).toContain(`【催办】案件 ${opened.code}`);
    await page.screenshot({ path: '/tmp/whistle-notifications.png', fullPage: true });

    await row.getByTestId('notification-mark-read').click();
    // The list shows unread ones only: the notice leaves it once read.
    await row.waitFor({ state: 'detached' });
    const read = expectStatus(await call('GET', `/notifications?filter=${filter}`, { token: street.token.sewage }), 200).body;
    expect(read).toEqual([expect.objectContaining({ id: reminder.id, readAt: expect.any(String) })]);

    // The case, from the notice: the reminder stands out in its timeline; the checklist and extension dialogs work.
    await notices.showAll();
    await notices.row(opened.code).getByTestId('notification-read-at').waitFor();
    await notices.openCase(opened.code);
    const show = new CaseShowPage(page);
    await show.waitForStage('registration');
    await show.timelineEvents('reminder').first().waitFor();
    await show.tasks().getByText('Site inspection').waitFor();
    await show.completeTask('Inspected the drain with the property manager; photos filed');
    await show.tasks().locator('[data-testid="task-state"][data-state="done"]').waitFor();
    await show.timelineEvents('task_completed').waitFor();

    await show.requestExtension('Waiting for the pipe owner to be identified');
    await show.extensions().locator('[data-testid="extension-state"][data-state="pending"]').waitFor();
    await page.screenshot({ path: '/tmp/whistle-case-tasks.png', fullPage: true });

    const viaApi = await getCase(opened.id, street.token.coordinator);
    expect(viaApi.tasks).toEqual([expect.objectContaining({ name: 'Site inspection', completedAt: expect.any(String) })]);
    expect(viaApi.extensions).toEqual([expect.objectContaining({ state: 'pending', reason: 'Waiting for the pipe owner to be identified' })]);
    expect(Date.parse(viaApi.extensions[0].requestedDueAt)).toBeGreaterThan(Date.parse(viaApi.extensions[0].previousDueAt));
  });
});
