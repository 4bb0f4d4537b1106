import { robotMessage } from './webhook-dispatcher';

describe('robotMessage', () => {
  it('is the text message WeCom and DingTalk group robots accept, Chinese first', () => {
    expect(robotMessage({ zh: '【催办】案件', en: 'Reminder: case' })).toEqual({
      msgtype: 'text',
      text: { content: '【催办】案件\nReminder: case' },
    });
  });
});

jest.mock('@whistle/persistence', () => ({
  claimDueWebhooks: jest.fn(),
  markWebhookDelivered: jest.fn(),
  markWebhookFailed: jest.fn(),
}));
jest.mock('./webhook-post', () => ({ ...jest.requireActual('./webhook-post'), postWebhook: jest.fn() }));

describe('startWebhookDispatcher', () => {
  const persistence = jest.requireMock('@whistle/persistence');
  const { postWebhook } = jest.requireMock('./webhook-post');
  const webhook = { id: 'notice-1', url: 'https://robot.example/send', message: { zh: '催办', en: 'Reminder' }, attempts: 0 };

  it('records a posted notice once the database is back, without posting it again', async () => {
    // The outbox as the database keeps it: the notice is due until its delivery is recorded.
    let recorded = false;
    persistence.claimDueWebhooks.mockImplementation(async () => (recorded ? [] : [webhook]));
    persistence.markWebhookDelivered.mockRejectedValueOnce(new Error('connect ECONNREFUSED')).mockImplementation(async () => {
      recorded = true;
    });
    postWebhook.mockResolvedValue('{"errcode":0}');
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    const { startWebhookDispatcher } = await import('./webhook-dispatcher');
    const dispatcher = startWebhookDispatcher({} as never, { pollMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await dispatcher.stop();
    quiet.mockRestore();
    expect(postWebhook).toHaveBeenCalledTimes(1);
    // Its key lets a receiver drop the post a crash between post and record would repeat.
    expect(postWebhook.mock.calls[0][3]).toMatchObject({ headers: { 'idempotency-key': 'notice-1' } });
    expect(persistence.markWebhookDelivered.mock.calls.map((call: unknown[]) => call[1])).toEqual(['notice-1', 'notice-1']);
    expect(persistence.markWebhookFailed).not.toHaveBeenCalled();
  });
});
