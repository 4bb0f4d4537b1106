import { describe, expect, it } from '@jest/globals';
import { parseAction } from '@whistle/domain';
import { fieldMessageKey } from './apiFieldMessages';

describe('fieldMessageKey', () => {
  it('turns the API field refusals a form can meet into i18n keys', () => {
    expect(fieldMessageKey('wrong password')).toBe('whistle.password.wrongCurrent');
    expect(fieldMessageKey('must differ from the current password')).toBe('whistle.password.sameAsCurrent');
    expect(fieldMessageKey('username wangfeng is taken')).toBe('whistle.users.usernameTaken');
  });

  it("words the action schemas' issues a dialog can meet: a blank field, an empty list, a malformed time", () => {
    const parsed = parseAction({ type: 'schedule_meeting', scheduledAt: 'tomorrow', location: '  ', attendees: [] });
    expect(parsed.ok).toBe(false);
    const keys = parsed.ok ? {} : Object.fromEntries(parsed.issues.map((i) => [i.path, fieldMessageKey(i.message)]));
    expect(keys).toEqual({
      scheduledAt: 'whistle.validation.dateTime',
      location: 'ra.validation.required',
      attendees: 'whistle.validation.atLeastOne',
    });
  });

  it('leaves any other message as the API wrote it', () => {
    expect(fieldMessageKey('communityId: Yanta belongs to no street; give it its street as parent first')).toBe(
      'communityId: Yanta belongs to no street; give it its street as parent first',
    );
    expect(fieldMessageKey('not a wrong password')).toBe('not a wrong password');
  });
});
