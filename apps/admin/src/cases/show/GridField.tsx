import { isUuid } from '@whistle/domain';
import { ReferenceField, useRecordContext } from 'react-admin';

/**
 * The grid the case is located in, by name. Cases opened before grids were in the directory hold a free-text
 * grid, shown as it is.
 */
export function GridField(_props: { label?: string }) {
  const record = useRecordContext<{ gridId?: string | null }>();
  if (!record?.gridId) return <span>—</span>;
  if (!isUuid(record.gridId)) return <span>{record.gridId}</span>;
  return <ReferenceField source="gridId" reference="organizations" link={false} />;
}
