import { FeedbackLinks } from './feedback-link';
import type { ApiConfig } from '../config/api-config';

const links = (secret: string) => new FeedbackLinks({ WHISTLE_JWT_SECRET: secret } as ApiConfig);

describe('resident feedback links', () => {
  const caseId = '6f1c7c52-0d4b-4a43-9a43-6f4f0a6b1e10';

  it('round-trips a token to its case', () => {
    const signer = links('s'.repeat(40));
    expect(signer.caseIdOf(signer.tokenFor(caseId))).toBe(caseId);
  });

  it('refuses forged, altered and foreign tokens', () => {
    const signer = links('s'.repeat(40));
    const token = signer.tokenFor(caseId);
    expect(signer.caseIdOf(`${caseId}.forged`)).toBeNull();
    expect(signer.caseIdOf(token.replace(caseId, '00000000-0000-0000-0000-000000000000'))).toBeNull();
    expect(signer.caseIdOf(`${token}.extra`)).toBeNull();
    expect(links('t'.repeat(40)).caseIdOf(token)).toBeNull();
  });
});
