import type { CaseDescription, Stage } from '@whistle/domain';
import type { CsvValue } from './csv';

/**
 * One exported case as a street office reads it in a spreadsheet: names instead of ids, words instead of codes,
 * times on the street's clock. The labels repeat the console's (apps/admin/src/i18n), which the API cannot import.
 */
export type ExportLanguage = 'zh' | 'en';
export const EXPORT_LANGUAGES: readonly ExportLanguage[] = ['zh', 'en'];

/** A case with the names its ids stand for, looked up by the export. */
export interface ExportedCase {
  view: CaseDescription;
  communityName: string | null;
  /** The name of the grid the case is in (null: none, or a grid named before grids were in the directory). */
  gridName?: string | null;
  leadUnitName: string | null;
}

interface Labels {
  header: string[];
  stages: Record<Stage, string>;
  urgencies: Record<string, string>;
  categories: Record<string, string>;
  closedReasons: Record<string, string>;
  yes: string;
  no: string;
}

const LABELS: Record<ExportLanguage, Labels> = {
  zh: {
    header: [
      '编号',
      '标题',
      '类别',
      '紧急程度',
      '社区',
      '网格',
      '牵头单位',
      '阶段',
      '吹哨时间',
      '本阶段时限',
      '已超时',
      '退单次数',
      '重启次数',
      '结案/撤回原因',
      '满意度',
    ],
    stages: {
      whistle: '吹哨待派单',
      registration: '待报到',
      coordination: '协调中',
      resolution: '办理中',
      feedback: '待回访',
      closed: '已结案',
      withdrawn: '已撤回',
    },
    urgencies: { normal: '一般', urgent: '紧急' },
    categories: {
      small_dispute: '小纠纷',
      hidden_danger: '小隐患',
      small_sign: '小苗头',
      small_vulnerability: '小漏洞',
      small_demand: '小诉求',
      small_event: '小事件',
      other: '其他',
    },
    closedReasons: { feedback: '群众评价后结案', no_response: '回访期满未评价，自动结案' },
    yes: '是',
    no: '否',
  },
  en: {
    header: [
      'Code',
      'Title',
      'Category',
      'Urgency',
      'Community',
      'Grid',
      'Lead unit',
      'Stage',
      'Opened',
      'Stage due',
      'Overdue',
      'Declines',
      'Reopened',
      'Closed/withdrawn reason',
      'Satisfaction',
    ],
    stages: {
      whistle: 'Whistle (awaiting dispatch)',
      registration: 'Reporting in',
      coordination: 'Coordinating',
      resolution: 'Being resolved',
      feedback: 'Awaiting feedback',
      closed: 'Closed',
      withdrawn: 'Withdrawn',
    },
    urgencies: { normal: 'Normal', urgent: 'Urgent' },
    categories: {
      small_dispute: 'Small dispute',
      hidden_danger: 'Hidden danger',
      small_sign: 'Small sign',
      small_vulnerability: 'Small vulnerability',
      small_demand: 'Small demand',
      small_event: 'Small event',
      other: 'Other',
    },
    closedReasons: { feedback: 'Closed after feedback', no_response: 'Closed: no feedback in time' },
    yes: 'yes',
    no: 'no',
  },
};

/**
 * The street's clock, Asia/Shanghai as the console shows times (apps/admin/src/common/when.ts): UTC+8 all year,
 * China having kept no daylight saving since 1991. Shifting the instant is ~50 times faster than Intl's
 * formatToParts, which was most of the time a 10,000-row export took.
 */
const STREET_OFFSET_MS = 8 * 3_600_000;

/** `2026-11-30 19:57`: a form every spreadsheet recognises as a date and time. */
export function streetTime(iso: string | null): string {
  if (!iso) return '';
  const shifted = new Date(Date.parse(iso) + STREET_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

export function exportHeader(language: ExportLanguage): string[] {
  return LABELS[language].header;
}

/** A known code in words; an unknown one (a category added later) as itself rather than nothing. */
const label = (labels: Record<string, string>, code: string) => (Object.hasOwn(labels, code) ? labels[code] : code);

export function exportRow({ view, communityName, gridName, leadUnitName }: ExportedCase, language: ExportLanguage): CsvValue[] {
  const labels = LABELS[language];
  const reason =
    view.stage === 'closed' && view.closedReason
      ? label(labels.closedReasons, view.closedReason)
      : view.stage === 'withdrawn'
        ? (view.withdrawnReason ?? '')
        : '';
  return [
    view.code,
    view.title,
    label(labels.categories, view.category),
    label(labels.urgencies, view.urgency),
    communityName ?? '',
    gridName ?? '',
    leadUnitName ?? '',
    labels.stages[view.stage],
    streetTime(view.createdAt),
    streetTime(view.stageDueAt),
    view.overdue ? labels.yes : labels.no,
    view.declineCount,
    view.reopenCount,
    reason,
    view.feedback?.satisfaction ?? null,
  ];
}

/**
 * The language of the file: `?lang=` when given (the console sends its own), else the first language the
 * Accept-Language header names if it is English, else Chinese, the streets' language.
 */
export function exportLanguage(lang: string | undefined, acceptLanguage: string | undefined): ExportLanguage | null {
  if (lang !== undefined) return (EXPORT_LANGUAGES as readonly string[]).includes(lang) ? (lang as ExportLanguage) : null;
  const first = (acceptLanguage ?? '').split(',')[0].trim().toLowerCase();
  return first === 'en' || first.startsWith('en-') || first.startsWith('en;') ? 'en' : 'zh';
}
