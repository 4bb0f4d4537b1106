import type { Page } from 'playwright-core';
import { act, openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseShowPage } from './pages/CaseShowPage';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'street-test-password';
jest.setTimeout(60_000);

/**
 * Phone numbers on the case page are masked for everyone; the people who must call the reporter get a "show
 * number" button (the audited reveal), and nobody else does.
 */
describe('phone numbers on the case page', () => {
  let street: TestStreet;
  let caseId: string;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    street = await createTestStreet();
    const opened = await openCase(street, {
      title: `Elevator stuck between floors ${street.suffix}`,
      reporter: { name: 'Dai Yinglei', phone: '13712345678' },
    });
    caseId = opened.id;
    // The property company co-handles: it sees the case, but may not call the reporter.
    await act(caseId, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.property],
    });
  });

  beforeEach(() => {
    page = session.page;
  });

  async function signInAndOpen(username: string): Promise<CaseShowPage> {
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(username, PASSWORD);
    await new DashboardPage(page).waitUntilShown();
    const show = new CaseShowPage(page);
    await show.open(caseId);
    await show.waitForStage('registration');
    return show;
  }

  it("a coordinator reveals the reporter's number", async () => {
    const show = await signInAndOpen(street.user.coordinator.username);
    await show.phone('reporter').getByText('137****5678').waitFor();
    await show.revealButton('reporter').click();
    await show.phone('reporter').getByText('13712345678').waitFor();
    await show.revealButton('reporter').waitFor({ state: 'detached' });
  });

  it("on a phone's screen, the coordinator still sees the button and the case's actions by name", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const show = await signInAndOpen(street.user.coordinator.username);
    // react-admin's Button shows only its icon on small screens; these have none, and used to vanish.
    await show.revealButton('reporter').getByText('查看号码').waitFor({ state: 'visible' });
    // The case's actions wait in one menu there.
    await show.openActionsMenu();
    await page.getByTestId('action-comment').getByText('留言').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await show.revealButton('reporter').click();
    await show.phone('reporter').getByText('13712345678').waitFor();
  });

  it('a co-handling department sees the number masked, with no button', async () => {
    const show = await signInAndOpen(street.user.property.username);
    await show.phone('reporter').getByText('137****5678').waitFor();
    expect(await show.revealButton('reporter').count()).toBe(0);
    expect(await page.getByText('13712345678').count()).toBe(0);
  });
});
