import { feedbackLinkExpiresAt, mayShareFeedbackLink } from './feedback-link';
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
