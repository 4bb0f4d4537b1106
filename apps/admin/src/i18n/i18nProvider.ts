import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import englishMessages from 'ra-language-english';
import chineseMessages from 'ra-language-chinese';
import { en } from './en';
import { raChineseSupplement } from './raChineseSupplement';
import { zh } from './zh';

type Messages = { [key: string]: string | Messages };

/** Deep merge, later sources winning: react-admin's English fills the keys the older Chinese pack (and our supplement to it) lack. */
function merge(...sources: object[]): Messages {
  const out: Messages = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source) as [string, string | Messages][]) {
      const current = out[key];
      out[key] = typeof value === 'object' && typeof current === 'object' ? merge(current, value) : typeof value === 'object' ? merge(value) : value;
    }
  }
  return out;
}

const messages = {
  zh: merge(englishMessages, chineseMessages, raChineseSupplement, zh) as unknown as TranslationMessages,
  en: merge(englishMessages, en) as unknown as TranslationMessages,
};

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? messages.en : messages.zh), 'zh', [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
]);
