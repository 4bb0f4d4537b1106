import {
  CATEGORY_WORDS,
  CLOSED_REASON_WORDS,
  LANGUAGES,
  STAGE_WORDS,
  URGENCY_WORDS,
  wordFor,
  type CaseDescription,
  type Language,
} from '@whistle/domain';
import type { CsvValue } from './csv';

/**
 * One exported case as a street office reads it in a spreadsheet: names instead of ids, words instead of codes
 * (the console's words, from the domain), times on the street's clock.
 */
export type ExportLanguage = Language;
export const EXPORT_LANGUAGES: readonly ExportLanguage[] = LANGUAGES;

/** A case with the names its ids stand for, looked up by the export. */
export interface ExportedCase {
  view: CaseDescription;
  communityName: string | null;
  /** The name of the grid the case is in (null: none, or a grid named before grids were in the directory). */
  gridName?: string | null;
  /** The category directory's name for the case's category, in the file's language (null: not in the directory). */
  categoryName?: string | null;
  leadUnitName: string | null;
}

/** The words only the file has: its column headings, and how it says yes and no. */
const FILE_WORDS: Record<ExportLanguage, { header: string[]; yes: string; no: string }> = {
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
  return FILE_WORDS[language].header;
}

export function exportRow({ view, communityName, gridName, categoryName, leadUnitName }: ExportedCase, language: ExportLanguage): CsvValue[] {
  const words = FILE_WORDS[language];
  const reason =
    view.stage === 'closed' && view.closedReason
      ? wordFor(CLOSED_REASON_WORDS[language], view.closedReason)
      : view.stage === 'withdrawn'
        ? (view.withdrawnReason ?? '')
        : '';
  return [
    view.code,
    view.title,
    categoryName || wordFor(CATEGORY_WORDS[language], view.category),
    wordFor(URGENCY_WORDS[language], view.urgency),
    communityName ?? '',
    gridName ?? '',
    leadUnitName ?? '',
    STAGE_WORDS[language][view.stage],
    streetTime(view.createdAt),
    streetTime(view.stageDueAt),
    view.overdue ? words.yes : words.no,
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
