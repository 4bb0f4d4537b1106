import { useRecordContext } from 'react-admin';

export function UserTitle() {
  const record = useRecordContext<{ displayName: string; username: string }>();
  return <span>{record ? `${record.displayName} (${record.username})` : ''}</span>;
}
