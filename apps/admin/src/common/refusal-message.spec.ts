import { describe, expect, it } from '@jest/globals';
import { REFUSAL_REASONS } from '@whistle/domain';
import { i18nProvider } from '../i18n/i18nProvider';
import { refusalMessage, WORDED_REASONS, type Refusal, type RefusalWording } from './refusal-message';

/**
 * The case-action refusal reasons of issue 8's API contract, each with params of the kinds it carries. Kept
 * here as the contract states them, so a reason the console cannot word fails this spec.
 */
const CONTRACT: Record<string, Record<string, string | number>> = {
  case_not_visible: {},
  role_may_not: { action: 'dispatch' },
  stage_does_not_take: { stage: 'closed', action: 'resolve' },
  organization_not_dispatched: {},
  owns_no_action_item: {},
  lead_only: { action: 'request_extension' },
  community_or_resident_only: {},
  no_task_assigned: {},
  lead_required: {},
  lead_is_co_handler: {},
  co_handler_twice: {},
  organization_required: {},
  own_organization_only: {},
  not_dispatched: { organizationId: 'org-1' },
  already_registered: { organizationId: 'org-1' },
  meeting_not_found: { meetingId: 'meeting-1' },
  minutes_already_recorded: {},
  no_agreed_action_items: {},
  action_item_not_found: { actionItemId: 'item-1' },
  not_action_item_owner: {},
  action_item_already_complete: {},
  action_items_open: { count: 2 },
  required_tasks_open: { count: 2 },
  task_not_found: { taskId: 'task-1' },
  task_already_complete: {},
  task_of_other_stage: { stage: 'registration' },
  task_of_earlier_visit: { stage: 'resolution' },
  task_assigned_elsewhere: {},
  no_time_limit: {},
  extension_already_pending: {},
  limit_passed: { dueAt: '2026-11-29T01:00:00.000Z' },
  requested_due_not_later: { dueAt: '2026-11-29T01:00:00.000Z' },
  extension_not_found: { extensionId: 'ext-1' },
  extension_already_decided: { state: 'approved' },
  extension_stage_left: {},
  extension_lapsed: {},
  limit_not_running: {},
  no_lead_to_urge: {},
  invalid_input: {},
};

const SERVER_MESSAGE = 'the server said so';

async function wordingIn(locale: 'zh' | 'en', organizationName?: RefusalWording['organizationName']): Promise<RefusalWording> {
  await i18nProvider.changeLocale(locale);
  return { translate: i18nProvider.translate, locale, organizationName };
}

const word = (refusal: Refusal, wording: RefusalWording) => refusalMessage({ message: SERVER_MESSAGE, ...refusal }, 'fallback', wording);

describe('refusalMessage', () => {
  it('has words for exactly the reasons of the contract', () => {
    expect([...WORDED_REASONS].sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  it('has an example for every reason the domain can give, so a new refusal cannot go unworded', () => {
    expect(Object.keys(CONTRACT).sort()).toEqual([...REFUSAL_REASONS].sort());
  });

  it.each(['zh', 'en'] as const)('words every reason of the contract in %s, every param filled', async (locale) => {
    const wording = await wordingIn(locale);
    for (const [reason, params] of Object.entries(CONTRACT)) {
      const worded = word({ reason, params, details: { issues: [{ path: 'contactPhone', message: 'must be a phone number' }] } }, wording);
      expect({ reason, worded }).toEqual({ reason, worded: expect.not.stringContaining('%{') });
      expect({ reason, worded }).not.toEqual({ reason, worded: SERVER_MESSAGE });
      expect({ reason, worded }).not.toEqual({ reason, worded: `whistle.refusals.${reason}` });
    }
  });

  it('says the two languages differently', async () => {
    const zh = Object.keys(CONTRACT).map(async (reason) => word({ reason, params: CONTRACT[reason] }, await wordingIn('zh')));
    const inChinese = await Promise.all(zh);
    const english = await wordingIn('en');
    const inEnglish = Object.keys(CONTRACT).map((reason) => word({ reason, params: CONTRACT[reason] }, english));
    inChinese.forEach((sentence, i) => expect(sentence).not.toBe(inEnglish[i]));
  });

  it('names actions, stages and decisions in the console language', async () => {
    const zh = await wordingIn('zh');
    expect(word({ reason: 'role_may_not', params: { action: 'dispatch' } }, zh)).toBe('您的角色不能执行此操作：派单');
    // The coordination actions' buttons and the audit trail name them alike.
    expect(word({ reason: 'lead_only', params: { action: 'record_minutes' } }, zh)).toBe('只有牵头单位或街道协调员可以执行此操作：记录会议纪要');
    const en = await wordingIn('en');
    expect(word({ reason: 'stage_does_not_take', params: { stage: 'closed', action: 'resolve' } }, en)).toBe(
      'A case at the stage "Closed" does not take this action: Resolve',
    );
    expect(word({ reason: 'extension_already_decided', params: { state: 'rejected' } }, en)).toBe('This request was already decided: Rejected');
  });

  it('shows a moment in Beijing time, in the format of the console language', async () => {
    const refusal = { reason: 'limit_passed', params: { dueAt: '2026-11-29T01:00:00.000Z' } };
    expect(word(refusal, await wordingIn('zh'))).toBe('时限已于 2026/11/29 09:00 届满：延期须在届满前申请');
    expect(word(refusal, await wordingIn('en'))).toBe('The time limit passed at 29/11/2026, 09:00: an extension must be asked before it');
  });

  it('counts in the plural English needs', async () => {
    const en = await wordingIn('en');
    expect(word({ reason: 'action_items_open', params: { count: 1 } }, en)).toBe('1 item of the responsibility list is still open');
    expect(word({ reason: 'required_tasks_open', params: { count: 3 } }, en)).toBe('3 required tasks of this stage are still open');
    expect(word({ reason: 'action_items_open', params: { count: 3 } }, await wordingIn('zh'))).toBe('责任清单还有 3 项未完成');
  });

  it("names a unit the console knows, and says 'this unit' for one it does not", async () => {
    const names: Record<string, string> = { 'org-1': 'Sewage Management Office' };
    const known = await wordingIn('en', (id) => names[id]);
    expect(word({ reason: 'already_registered', params: { organizationId: 'org-1' } }, known)).toBe(
      'Sewage Management Office has already reported in on this case',
    );
    expect(word({ reason: 'not_dispatched', params: { organizationId: 'org-2' } }, known)).toBe('This unit is not dispatched on this case');
    expect(word({ reason: 'not_dispatched', params: { organizationId: 'org-2' } }, await wordingIn('zh'))).toBe('该单位未被派单到此案件');
  });

  it('lists the refused fields of invalid input by their labels', async () => {
    const issues = [
      { path: 'contactPhone', message: 'must be a phone number' },
      { path: 'contactName', message: 'required' },
      { path: 'contactPhone', message: 'too long' },
      { path: 'somethingElse', message: 'unknown' },
    ];
    expect(word({ reason: 'invalid_input', details: { issues } }, await wordingIn('zh'))).toBe('部分内容填写不正确：联系电话、联系人、somethingElse');
    // No field named: the server's own explanation stands in for the list.
    expect(word({ reason: 'invalid_input', details: { issues: [{ path: '', message: 'body must be a JSON object' }] } }, await wordingIn('en'))).toBe(
      `Some values are not valid: ${SERVER_MESSAGE}`,
    );
  });

  it("falls back to the server's message for a reason it has no words for", async () => {
    const zh = await wordingIn('zh');
    expect(word({ reason: 'a_reason_from_a_newer_api', params: { x: 1 } }, zh)).toBe(SERVER_MESSAGE);
    // Outside case actions the reason is the HTTP-level code: the server's message says more than a code would.
    expect(word({ code: 'forbidden', reason: 'forbidden' }, zh)).toBe(SERVER_MESSAGE);
    expect(word({ code: 'conflict' }, zh)).toBe(SERVER_MESSAGE);
    // Not a key of the table even though the table has the object: no reason reaches into other messages.
    expect(word({ reason: 'toString' }, zh)).toBe(SERVER_MESSAGE);
  });

  it('falls back to the given text when the body has no message', async () => {
    const en = await wordingIn('en');
    expect(refusalMessage(undefined, 'HTTP 502', en)).toBe('HTTP 502');
    expect(refusalMessage({ reason: 'unknown_reason' }, 'HTTP 409', en)).toBe('HTTP 409');
    expect(refusalMessage({ reason: 'task_already_complete' }, 'HTTP 409', en)).toBe('This task is already complete');
  });
});
