import { caseOpening, isCaseOpening } from './case-opening';

describe('caseOpening', () => {
  it('tells a client that sent a key to repeat it, and gives where the case will be', () => {
    const answer = caseOpening('0b6c5c3e-8a0b-4a53-9a44-0f1f3f0e6a11', 'WS-2026-000042', true);
    expect(answer).toMatchObject({ id: '0b6c5c3e-8a0b-4a53-9a44-0f1f3f0e6a11', code: 'WS-2026-000042', status: 'opening' });
    expect(answer.location).toBe('/api/cases/0b6c5c3e-8a0b-4a53-9a44-0f1f3f0e6a11');
    expect(answer.message).toMatch(/same Idempotency-Key/);
    expect(isCaseOpening(answer)).toBe(true);
  });

  it('warns a client without a key that repeating would open a second case', () => {
    const answer = caseOpening('0b6c5c3e-8a0b-4a53-9a44-0f1f3f0e6a11', 'WS-2026-000042', false);
    expect(answer.message).toMatch(/read \/api\/cases\/0b6c5c3e-8a0b-4a53-9a44-0f1f3f0e6a11/);
    expect(answer.message).toMatch(/second case/);
  });

  it('does not take a case view for an opening', () => {
    expect(isCaseOpening({ id: 'x', code: 'y', stage: 'whistle' })).toBe(false);
  });
});
