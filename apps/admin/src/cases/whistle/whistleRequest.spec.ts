import { describe, expect, it } from '@jest/globals';
import { whistleRequest } from './whistleRequest';

describe('whistleRequest', () => {
  const base = { title: 'Loose manhole cover', category: 'hidden_danger', communityId: 'c-1' };

  it('leaves out a grid and an address left empty', () => {
    expect(whistleRequest({ ...base, gridId: '', address: '  ' })).toEqual(base);
    expect(whistleRequest({ ...base, gridId: null, address: null })).toEqual(base);
  });

  it('keeps a picked grid and a given address, and every other field as it is', () => {
    expect(whistleRequest({ ...base, gridId: 'g-6', address: 'No. 3 Harbin Road', urgency: '' })).toEqual({
      ...base,
      gridId: 'g-6',
      address: 'No. 3 Harbin Road',
      urgency: '',
    });
  });
});
