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

describe('whistleRequest with a point', () => {
  const base = { title: 'Loose manhole cover', category: 'hidden_danger', communityId: 'c-1' };

  it('leaves out a point never placed or removed, and keeps a placed one', () => {
    expect(whistleRequest({ ...base, location: null })).toEqual(base);
    expect(whistleRequest({ ...base, location: undefined })).toEqual(base);
    expect(whistleRequest({ ...base, location: { latitude: 31.2, longitude: 121.5 } })).toEqual({
      ...base,
      location: { latitude: 31.2, longitude: 121.5 },
    });
  });
});
