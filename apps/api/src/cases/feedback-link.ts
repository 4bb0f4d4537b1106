import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { caseIdOfFeedbackToken, feedbackTokenFor } from './feedback-token';

/** Issues and checks resident feedback tokens with the API's secret. */
@Injectable()
export class FeedbackLinks {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  tokenFor(caseId: string): string {
    return feedbackTokenFor(this.config.WHISTLE_JWT_SECRET, caseId);
  }

  caseIdOf(token: string): string | null {
    return caseIdOfFeedbackToken(this.config.WHISTLE_JWT_SECRET, token);
  }
}
