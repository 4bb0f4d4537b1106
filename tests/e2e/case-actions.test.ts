import type { Page } from 'playwright-core';
import { act, openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseShowPage } from './pages/CaseShowPage';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'street-test-password';
jest.setTimeout(60_000);

/**
 * The case page offers what the API says the user may do (`availableActions`, `actionTargets`) and words a
 * refusal from its stable reason, in the console's language, naming the units of the case.
 */
describe('case actions in the console', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    street = await createTestStreet();
  });

  beforeEach(() => {
    page = session.page;
  });

  /** Signs in afresh: whoever was signed in in this browser is signed out first. */
  const signIn = (username: string) => new LoginPage(page).signInAfresh(username, PASSWORD);

  it('a coordinator reports in for a unit the page still shows pending, and is told in Chinese that the unit already has', async () => {
    const opened = await openCase(street, { title: `Leaking roof at No. 12 Jilin Road ${street.suffix}` });
    await act(opened.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.property],
    });
    await signIn(street.user.coordinator.username);
    const show = new CaseShowPage(page);
    await show.open(opened.id);
    await show.waitForStage('registration');
    const housing = `Housing Construction Bureau ${street.suffix}`;
    await show.text(housing).waitFor();

    // The unit reports in itself while the coordinator's page still offers it.
    await act(opened.id, street.token.housing, { type: 'register', contactName: 'Director He', contactPhone: '13900139000' });
    await show.registerFor(housing, 'Director He', '13900139000');

    await show
      .notification()
      .filter({ hasText: `${housing}已在此案件报到` })
      .waitFor();
    // Refused: the dialog stays open for another choice.
    expect(await show.dialog().isVisible()).toBe(true);
  });

  it("a unit's own user reports in without naming a unit; a coordinator approves the pending request the dialog describes", async () => {
    const opened = await openCase(street, { title: `Blocked culvert at No. 5 Fushun Road ${street.suffix}` });
    await act(opened.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    const requestedDueAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    await act(opened.id, street.token.housing, { type: 'request_extension', reason: 'Waiting for the culvert survey', requestedDueAt });

    await signIn(street.user.coordinator.username);
    const show = new CaseShowPage(page);
    await show.open(opened.id);
    await show.waitForStage('registration');
    await show.actionButton('approve_extension').click();
    expect(await show.dialog().getByTestId('pending-extension').innerText()).toContain('Waiting for the culvert survey');
    await show.dialog().getByTestId('action-submit').click();
    await show.dialog().waitFor({ state: 'hidden' });
    await show.extensions().locator('[data-testid="extension-state"][data-state="approved"]').waitFor();
    expect(await show.actionButton('approve_extension').count()).toBe(0);

    await signIn(street.user.housing.username);
    await show.open(opened.id);
    await show.waitForStage('registration');
    await show.actionButton('register').click();
    expect(await show.dialog().getByRole('combobox').count()).toBe(0);
    await show.dialog().locator('input[name="contactName"]').fill('Director He');
    await show.dialog().locator('input[name="contactPhone"]').fill('13900139000');
    await show.dialog().getByTestId('action-submit').click();
    await show.waitForStage('coordination');
  });
});
