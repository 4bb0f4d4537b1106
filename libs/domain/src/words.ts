import type { StandardCategory } from './categories';
import type { Stage } from './stages';

/**
 * The words people read for the domain's codes, in the two languages Whistle speaks. One copy: the console's
 * messages (apps/admin/src/i18n) and every file the API writes for people (the CSV export) take them from here.
 */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Words<Code extends string> = Record<Language, Record<Code, string>>;

export const STAGE_WORDS: Words<Stage> = {
  zh: {
    whistle: '吹哨待派单',
    registration: '待报到',
    coordination: '协调中',
    resolution: '办理中',
    feedback: '待回访',
    closed: '已结案',
    withdrawn: '已撤回',
  },
  en: {
    whistle: 'Whistle (awaiting dispatch)',
    registration: 'Reporting in',
    coordination: 'Coordinating',
    resolution: 'Being resolved',
    feedback: 'Awaiting feedback',
    closed: 'Closed',
    withdrawn: 'Withdrawn',
  },
};

export const URGENCY_WORDS: Words<'normal' | 'urgent'> = {
  zh: { normal: '一般', urgent: '紧急' },
  en: { normal: 'Normal', urgent: 'Urgent' },
};

/** The standard categories (./categories): the "six small" taxonomy of the seeds, and the catch-all. */
export const CATEGORY_WORDS: Words<StandardCategory> = {
  zh: {
    small_dispute: '小纠纷',
    hidden_danger: '小隐患',
    small_sign: '小苗头',
    small_vulnerability: '小漏洞',
    small_demand: '小诉求',
    small_event: '小事件',
    other: '其他',
  },
  en: {
    small_dispute: 'Small dispute',
    hidden_danger: 'Hidden danger',
    small_sign: 'Small sign',
    small_vulnerability: 'Small vulnerability',
    small_demand: 'Small demand',
    small_event: 'Small event',
    other: 'Other',
  },
};

/** Why a closed case closed. */
export const CLOSED_REASON_WORDS: Words<'feedback' | 'no_response'> = {
  zh: { feedback: '居民已评价', no_response: '回访期限内未评价' },
  en: { feedback: 'Rated by the residents', no_response: 'No feedback within the limit' },
};

/** A code in words; a code with no words (a category a rule set added) as itself rather than nothing. */
export function wordFor(words: Record<string, string>, code: string): string {
  return Object.hasOwn(words, code) ? words[code] : code;
}
