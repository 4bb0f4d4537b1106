import { CHANNELS, DECLINE_REASONS, OUTCOMES, STAGES, URGENCIES } from '@whistle/domain';

/** Select choices whose labels are translation keys (react-admin translates choice names). */
const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));

export const stageChoices = choices(STAGES, 'whistle.stages');
export const channelChoices = choices(CHANNELS, 'whistle.channels');
export const urgencyChoices = choices(URGENCIES, 'whistle.urgencies');
export const outcomeChoices = choices(OUTCOMES, 'whistle.outcomes');
export const declineReasonChoices = choices(DECLINE_REASONS, 'whistle.declineReasons');
export const satisfactionChoices = [1, 2, 3, 4, 5].map((n) => ({ id: n, name: '★'.repeat(n) }));
