import type { Role } from './directory';
import {
  FEEDBACK_PAGE_ROUTE,
  feedbackLinkExpiresAt,
  mayShareFeedbackLink,
  feedbackPagePath,
  maskPhonesInText,
  residentCaseSummary,
} from './feedback-link';

describe('feedbackLinkExpiresAt', () => {
  const entered = '2026-11-01T02:00:00.000Z';

  it('works while the case awaits feedback, until the period after it entered feedback has passed', () => {
    const state = { stage: 'feedback' as const, stageEnteredAt: entered };
    expect(feedbackLinkExpiresAt(state, 'P14D', '2026-11-01T02:00:00.000Z')).toBe('2026-11-15T02:00:00.000Z');
    expect(feedbackLinkExpiresAt(state, 'P14D', '2026-11-15T01:59:59.999Z')).toBe('2026-11-15T02:00:00.000Z');
    expect(feedbackLinkExpiresAt(state, 'P14D', '2026-11-15T02:00:00.000Z')).toBeNull();
    expect(feedbackLinkExpiresAt(state, 'PT2S', '2026-11-01T02:00:03.000Z')).toBeNull();
  });

  it('does not work in any other stage', () => {
    for (const stage of ['whistle', 'registration', 'coordination', 'resolution', 'closed', 'withdrawn'] as const) {
      expect(feedbackLinkExpiresAt({ stage, stageEnteredAt: entered }, 'P14D', '2026-11-02T00:00:00.000Z')).toBeNull();
    }
  });
});

describe('the resident page', () => {
  it('is a route of the console, the same path the API hands out', () => {
    expect(FEEDBACK_PAGE_ROUTE).toBe('/feedback/:token');
    expect(feedbackPagePath('abc.DEF_-1')).toBe('/#/feedback/abc.DEF_-1');
  });

  it('masks phone numbers in free text, and leaves dates, codes and amounts alone', () => {
    expect(maskPhonesInText('Call Director He on 13900139000 or 139 0013 9001')).toBe('Call Director He on 139****9000 or 139****9001');
    expect(maskPhonesInText('office 0451-86612345, +86 13800138000')).toBe('office 045*****2345, 861******8000');
    expect(maskPhonesInText('Repaired on 2026-12-05 under case 2026-000123, cost 1200 yuan')).toBe(
      'Repaired on 2026-12-05 under case 2026-000123, cost 1200 yuan',
    );
  });

  it('shows the resident the case and its resolution, never a phone number in it', () => {
    const summary = residentCaseSummary(
      {
        code: '2026-000001',
        title: 'Sewage',
        stage: 'feedback',
        resolution: { summary: 'Pipe replaced; questions to 13900139000', outcome: 'resolved', at: '2026-11-02T00:00:00.000Z' },
      },
      '2026-11-16T00:00:00.000Z',
    );
    expect(summary).toEqual({
      code: '2026-000001',
      title: 'Sewage',
      stage: 'feedback',
      resolution: { summary: 'Pipe replaced; questions to 139****9000', outcome: 'resolved', at: '2026-11-02T00:00:00.000Z' },
      awaitingFeedback: true,
      expiresAt: '2026-11-16T00:00:00.000Z',
    });
    expect(residentCaseSummary({ code: 'c', title: 't', stage: 'closed', resolution: null }, null).awaitingFeedback).toBe(false);
  });
});

describe('mayShareFeedbackLink', () => {
  const user = (roles: Role[], organizationId: string) => ({ kind: 'user' as const, userId: 'u', displayName: 'u', roles, organizationId });
  it("is for the case's own community and the coordinators, nobody else", () => {
    const facts = { communityId: 'community-a' };
    expect(mayShareFeedbackLink(user(['community'], 'community-a'), facts)).toBe(true);
    expect(mayShareFeedbackLink(user(['coordinator'], 'street-a'), facts)).toBe(true);
    expect(mayShareFeedbackLink(user(['community'], 'community-b'), facts)).toBe(false);
    expect(mayShareFeedbackLink(user(['department'], 'community-a'), facts)).toBe(false);
    expect(mayShareFeedbackLink(user(['leader'], 'street-a'), facts)).toBe(false);
    expect(mayShareFeedbackLink({ kind: 'resident', displayName: 'Resident', roles: [] }, facts)).toBe(false);
  });
});
