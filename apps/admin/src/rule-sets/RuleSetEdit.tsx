import { Edit } from 'react-admin';
import { RuleSetForm, toDraft } from './RuleSetForm';
import { RuleSetTitle } from './RuleSetTitle';

/** Edits the draft (admin); published versions never change, and running cases keep the version they started with. */
export function RuleSetEdit() {
  return (
    <Edit title={<RuleSetTitle />} mutationMode="pessimistic" redirect="show" transform={toDraft}>
      <RuleSetForm editing />
    </Edit>
  );
}
