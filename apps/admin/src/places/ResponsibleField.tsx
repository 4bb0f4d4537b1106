import { useRecordContext } from 'react-admin';

/** A grid's grid member responsible, by name (the API names them for every reader); — for none. */
export function ResponsibleField(_props: { label?: string }) {
  const record = useRecordContext<{ responsibleName?: string | null }>();
  return <span>{record?.responsibleName ?? '—'}</span>;
}
