import { describe, expect, it } from '@jest/globals';
import { partsDown } from './engineStatus';

describe('partsDown', () => {
  it('names nothing while the health answer is up', () => {
    expect(partsDown({ status: 'up', checks: { workers: { status: 'up' }, temporal: { status: 'up' }, postgres: { status: 'up' } } })).toEqual([]);
  });

  it('names each part reported down, the workers first', () => {
    expect(partsDown({ status: 'down', checks: { postgres: { status: 'down' }, temporal: { status: 'up' }, workers: { status: 'down' } } })).toEqual([
      'workers',
      'postgres',
    ]);
  });

  it('says the engine is down when the answer is down without naming a part', () => {
    expect(partsDown({ status: 'down' })).toEqual(['workers']);
  });

  it('says the server cannot be reached when nothing answered', () => {
    expect(partsDown(null)).toBe('server');
  });
});
