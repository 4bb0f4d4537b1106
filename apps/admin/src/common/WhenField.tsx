import { useCallback } from 'react';
import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { DATE_OPTIONS, DATE_TIME_OPTIONS, formatWhen, intlLocale, type WhenValue } from './when';

export type WhenFieldProps = Omit<DateFieldProps, 'locales' | 'options' | 'showTime' | 'showDate'> & {
  /** The day only, for fields that never showed a time. */
  dateOnly?: boolean;
};

/** A record's date-time in Beijing time, in the console's language; `emptyText` and the other DateField props pass through. */
export function WhenField({ dateOnly = false, ...props }: WhenFieldProps) {
  const [locale] = useLocaleState();
  return <DateField {...props} locales={intlLocale(locale)} options={dateOnly ? DATE_OPTIONS : DATE_TIME_OPTIONS} showTime={!dateOnly} />;
}

/** `formatWhen` bound to the console's current locale, for times shown outside a field. */
export function useFormatWhen(): (value: WhenValue, opts?: { dateOnly?: boolean; empty?: string }) => string {
  const [locale] = useLocaleState();
  return useCallback((value, opts) => formatWhen(value, locale, opts), [locale]);
}
