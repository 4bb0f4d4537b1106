import { describe, expect, it } from '@jest/globals';
import { fieldMessageKey } from './apiFieldMessages';

describe('fieldMessageKey', () => {
  it('turns the API field refusals a form can meet into i18n keys', () => {
    expect(fieldMessageKey('wrong password')).toBe('whistle.password.wrongCurrent');
    expect(fieldMessageKey('must differ from the current password')).toBe('whistle.password.sameAsCurrent');
    expect(fieldMessageKey('username wangfeng is taken')).toBe('whistle.users.usernameTaken');
  });

  it('leaves any other message as the API wrote it', () => {
    expect(fieldMessageKey('communityId: Yanta belongs to no street; give it its street as parent first')).toBe(
      'communityId: Yanta belongs to no street; give it its street as parent first',
    );
    expect(fieldMessageKey('not a wrong password')).toBe('not a wrong password');
  });
});
