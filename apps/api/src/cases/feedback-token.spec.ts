import { caseIdOfFeedbackToken, feedbackTokenFor } from './feedback-token';

describe('resident feedback tokens', () => {
  const caseId = '6f1c7c52-0d4b-4a43-9a43-6f4f0a6b1e10';
  const secret = 's'.repeat(40);

  it('round-trips a token to its case', () => {
    expect(caseIdOfFeedbackToken(secret, feedbackTokenFor(secret, caseId))).toBe(caseId);
  });

  it('refuses forged, altered and foreign tokens', () => {
    const token = feedbackTokenFor(secret, caseId);
    expect(caseIdOfFeedbackToken(secret, `${caseId}.forged`)).toBeNull();
    expect(caseIdOfFeedbackToken(secret, token.replace(caseId, '00000000-0000-0000-0000-000000000000'))).toBeNull();
    expect(caseIdOfFeedbackToken(secret, `${token}.extra`)).toBeNull();
    expect(caseIdOfFeedbackToken('t'.repeat(40), token)).toBeNull();
    expect(caseIdOfFeedbackToken(secret, '')).toBeNull();
  });
});
