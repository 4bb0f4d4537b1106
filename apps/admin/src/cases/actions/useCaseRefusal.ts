import { HttpError, useGetManyAggregate, useLocaleState, useTranslate } from 'react-admin';
import { refusalMessage, type Refusal } from '../../common/refusal-message';
import type { CaseRecord } from '../case-record';

/**
 * Words a refused action in the console's language, naming the case's units where a refusal mentions one. Their
 * names are the ones the case page already loaded for its list of dispatched units (react-admin batches and caches
 * these look-ups), so asking again costs no request.
 */
export function useCaseRefusal(record: CaseRecord | undefined): (error: unknown) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const ids = [...new Set((record?.assignments ?? []).map((a) => a.organizationId))];
  const { data: organizations } = useGetManyAggregate<{ id: string; name: string }>('organizations', { ids }, { enabled: ids.length > 0 });
  return (error) => {
    const names = new Map((organizations ?? []).map((o) => [String(o.id), o.name]));
    const body = error instanceof HttpError ? (error.body as Refusal | undefined) : undefined;
    const fallback = error instanceof Error ? error.message : String(error);
    return refusalMessage(body, fallback, { translate, locale, organizationName: (id) => names.get(id) });
  };
}
