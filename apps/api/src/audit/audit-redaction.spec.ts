import { changedKeys, maskPhones, maskWebhook, MAX_RECORDED_DEFINITION_BYTES, recordedDefinition } from './audit-redaction';

describe('maskPhones', () => {
  it('masks every phone at any depth and leaves the rest alone', () => {
    const action = {
      type: 'schedule_meeting',
      location: 'Room 2',
      attendees: [{ organizationId: 'o1' }, { name: 'Wang', phone: '13812345678' }],
      contactPhone: '0532-8888 6666',
    };
    expect(maskPhones(action)).toEqual({
      type: 'schedule_meeting',
      location: 'Room 2',
      attendees: [{ organizationId: 'o1' }, { name: 'Wang', phone: '138****5678' }],
      contactPhone: '053*****6666',
    });
  });

  it('does not change its argument', () => {
    const action = { contactPhone: '13812345678' };
    maskPhones(action);
    expect(action.contactPhone).toBe('13812345678');
  });
});

describe('maskWebhook', () => {
  it('keeps the origin and a fingerprint, never the key', () => {
    const masked = maskWebhook('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key-123');
    expect(masked).toEqual({ origin: 'https://qyapi.weixin.qq.com', fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(JSON.stringify(masked)).not.toContain('secret-key-123');
  });

  it('tells two keys apart and recognises the same one', () => {
    const a = maskWebhook('https://oapi.dingtalk.com/robot/send?access_token=aaa');
    expect(maskWebhook('https://oapi.dingtalk.com/robot/send?access_token=bbb')?.fingerprint).not.toBe(a?.fingerprint);
    expect(maskWebhook('https://oapi.dingtalk.com/robot/send?access_token=aaa')).toEqual(a);
  });

  it('is null when there is no webhook, and still masks what is not a URL', () => {
    expect(maskWebhook(null)).toBeNull();
    expect(maskWebhook('')).toBeNull();
    expect(maskWebhook('not a url with secret')).toEqual({ origin: 'invalid', fingerprint: expect.any(String) });
  });
});

describe('recordedDefinition', () => {
  it('keeps a definition of ordinary size as it is', () => {
    const definition = { stages: { registration: { sla: 'P1D' } } };
    expect(recordedDefinition(definition)).toBe(definition);
  });

  it('records a huge definition as its digest and size', () => {
    const definition = { notes: 'x'.repeat(MAX_RECORDED_DEFINITION_BYTES) };
    const recorded = recordedDefinition(definition);
    expect(recorded).toEqual({ digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), bytes: MAX_RECORDED_DEFINITION_BYTES + 12 });
    expect(recordedDefinition({ notes: 'y'.repeat(MAX_RECORDED_DEFINITION_BYTES) })).not.toEqual(recorded);
  });
});

describe('changedKeys', () => {
  it('lists the keys whose values differ, sorted', () => {
    expect(changedKeys({ name: 'A', kind: 'street', parentId: null }, { name: 'B', kind: 'street', parentId: 'p', extra: 1 })).toEqual([
      'extra',
      'name',
      'parentId',
    ]);
  });
});
