import { isUuid } from '@whistle/domain';
import { ReferenceField, useRecordContext } from 'react-admin';
import { ResponsibleField } from '../../places/ResponsibleField';

/**
 * The grid the case is located in, by name. Cases opened before grids were in the directory hold a free-text
 * grid, shown as it is. A directory grid names its grid member responsible beside it.
 */
export function GridField(_props: { label?: string }) {
  const record = useRecordContext<{ gridId?: string | null }>();
  if (!record?.gridId) return <span>—</span>;
  if (!isUuid(record.gridId)) return <span>{record.gridId}</span>;
  return (
    <ReferenceField source="gridId" reference="organizations" link={false}>
      <GridName />
    </ReferenceField>
  );
}

/** The grid's name, and who is responsible for it when someone is. */
function GridName() {
  const grid = useRecordContext<{ name: string; responsibleName?: string | null }>();
  if (!grid) return null;
  return (
    <span data-testid="case-grid">
      {grid.name}
      {grid.responsibleName ? (
        <>
          {' · '}
          <ResponsibleField />
        </>
      ) : null}
    </span>
  );
}
