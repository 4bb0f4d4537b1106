import { ORGANIZATION_KINDS } from '@whistle/domain';
import { SelectField } from 'react-admin';

export const kindChoices = ORGANIZATION_KINDS.map((id) => ({ id, name: `whistle.kinds.${id}` }));

export function KindField() {
  return <SelectField source="kind" choices={kindChoices} />;
}
