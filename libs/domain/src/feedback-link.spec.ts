import { feedbackLinkExpiresAt } from './feedback-link';

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
