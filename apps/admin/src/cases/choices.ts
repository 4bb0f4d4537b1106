import { CHANNELS, DECLINE_REASONS, OUTCOMES, STAGES, URGENCIES } from '@whistle/domain';

/** Select choices whose labels are translation keys (react-admin translates choice names). */
const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));

/** The "six small" taxonomy from the seeds, plus a catch-all. */
export const CATEGORIES = ['small_dispute', 'hidden_danger', 'small_sign', 'small_vulnerability', 'small_demand', 'small_event', 'other'] as const;

export const stageChoices = choices(STAGES, 'whistle.stages');
export const categoryChoices = choices(CATEGORIES, 'whistle.categories');
export const channelChoices = choices(CHANNELS, 'whistle.channels');
export const urgencyChoices = choices(URGENCIES, 'whistle.urgencies');
export const outcomeChoices = choices(OUTCOMES, 'whistle.outcomes');
export const declineReasonChoices = choices(DECLINE_REASONS, 'whistle.declineReasons');
export const satisfactionChoices = [1, 2, 3, 4, 5].map((n) => ({ id: n, name: '★'.repeat(n) }));
