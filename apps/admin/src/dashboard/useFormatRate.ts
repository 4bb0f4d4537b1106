import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';

/** A rate (0..1) as a percent in the console's language, or "—" when nothing counts yet. */
export function useFormatRate(): (rate: number | null | undefined) => string {
  const [locale] = useLocaleState();
  return useCallback(
    (rate) =>
      rate === null || rate === undefined
        ? '—'
        : new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(rate),
    [locale],
  );
}
