import { Create } from 'react-admin';
import { RuleSetForm, toDraft } from './RuleSetForm';
import { TEMPLATE_DEFINITION } from './template';

/** A new draft (admin), starting from the built-in limits with an example reminder. */
export function RuleSetCreate() {
  return (
    <Create redirect="show" transform={toDraft}>
      <RuleSetForm defaultValues={{ name: '', categories: [''], urgencies: [], definition: TEMPLATE_DEFINITION }} />
    </Create>
  );
}
