import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * The resident's feedback link: `<caseId>.<signature>`. Unguessable without the server's secret, needs no
 * storage, and the community can show it again whenever a resident asks.
 */
@Injectable()
export class FeedbackLinks {
  private readonly key: Buffer;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.key = createHmac('sha256', config.WHISTLE_JWT_SECRET).update('whistle:feedback-link').digest();
  }

  tokenFor(caseId: string): string {
    return `${caseId}.${this.sign(caseId)}`;
  }

  /** The case id a token was issued for, or null for anything forged or malformed. */
  caseIdOf(token: string): string | null {
    const [caseId, signature, ...rest] = token.split('.');
    if (!caseId || !signature || rest.length) return null;
    const expected = Buffer.from(this.sign(caseId));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? caseId : null;
  }

  private sign(caseId: string): string {
    return createHmac('sha256', this.key).update(caseId).digest('base64url');
  }
}
