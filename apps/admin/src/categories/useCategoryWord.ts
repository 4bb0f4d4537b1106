import { categoryWord, type Language } from '@whistle/domain';
import { useCallback } from 'react';
import { useLocale } from 'react-admin';
import { useWhistleCategories } from '../cases/whistle/useWhistleCategories';

/** The console's language as the domain's words know it. */
export const languageOf = (locale: string): Language => (locale === 'en' ? 'en' : 'zh');

/**
 * A category code in the console's language, as the category directory names it (GET /api/categories, fetched once
 * and shared by every caller); until it has loaded, or for a category the directory lacks, the standard words or
 * the code itself.
 */
export function useCategoryWord(): (code: string) => string {
  const { data } = useWhistleCategories();
  const language = languageOf(useLocale());
  return useCallback((code: string) => categoryWord(code, language, data ?? []), [data, language]);
}
