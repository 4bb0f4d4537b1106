import { FEEDBACK_PAGE_ROUTE, feedbackLinkExpiresAt, feedbackPagePath, mayShareFeedbackLink, residentCaseSummary } from './feedback-link';
import { maskPhonesInText } from './phones';
import { admin, communityUser, coordinator, leader, ORG, otherCommunityUser, resident, sewageUser } from './testing/case-fixtures';

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

describe('mayShareFeedbackLink', () => {
  const facts = { communityId: ORG.community, streetId: ORG.street, participantOrganizationIds: [ORG.community, ORG.sewage, ORG.otherCommunity] };

  it("lets the case's own community and its street's coordinators share the link", () => {
    expect(mayShareFeedbackLink(communityUser, facts)).toBe(true);
    expect(mayShareFeedbackLink(coordinator, facts)).toBe(true);
  });

  it('refuses those who see the case but do not collect the rating: leaders, departments, other communities taking part', () => {
    for (const actor of [leader, sewageUser, otherCommunityUser]) expect(mayShareFeedbackLink(actor, facts)).toBe(false);
  });

  it('refuses anyone who cannot see the case, coordinators of another street included', () => {
    for (const actor of [{ ...coordinator, organizationId: 'org-street-other' }, admin, resident])
      expect(mayShareFeedbackLink(actor, facts)).toBe(false);
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
