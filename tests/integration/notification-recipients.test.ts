import { driveCaseThroughEveryNotice, kindOf, KINDS_TOLD, noticesOf } from '../support/notice-story';
import { createTestStreet, type TestStreet } from '../support/street';
import { eventually } from '../support/webhook-receiver';

const kindsTold = async (token: string, caseId: string) => (await noticesOf(token, caseId)).map((n) => kindOf(n.message)).sort();

/**
 * People are told what they must do: a case driven through dispatch, decline, reassign, registration, a meeting and
 * its minutes, an urge, resolution and feedback leaves in each responsible party's own notification list exactly the
 * notices that ask something of them, and nothing in anyone else's.
 */
describe('everyone who must act on a case is told, and nobody else', () => {
  let s: TestStreet;

  beforeAll(async () => {
    s = await createTestStreet();
  });

  it('dispatch → decline → reassign → register → meeting → minutes → urge → resolve → feedback', async () => {
    const c = await driveCaseThroughEveryNotice(s);
    // Notices are written with the events; the last (feedback) may still be on its way.
    await eventually(async () => (await kindsTold(s.token.coordinator, c.id)).includes('feedback'));
    const told = Object.fromEntries(
      await Promise.all(Object.entries(s.token).map(async ([who, token]) => [who, await kindsTold(token, c.id)] as const)),
    );
    expect(told).toEqual(KINDS_TOLD);
  }, 120_000);
});
