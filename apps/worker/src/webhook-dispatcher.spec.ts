import { robotMessage } from './webhook-dispatcher';

describe('robotMessage', () => {
  it('is the text message WeCom and DingTalk group robots accept, Chinese first', () => {
    expect(robotMessage({ zh: '【催办】案件', en: 'Reminder: case' })).toEqual({
      msgtype: 'text',
      text: { content: '【催办】案件\nReminder: case' },
    });
  });
});
