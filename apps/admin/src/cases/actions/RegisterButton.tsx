import type { CaseView } from '@whistle/domain';
import { TextInput, regex, required, useRecordContext } from 'react-admin';
import { ActionDialog } from './ActionDialog';
import { AssignedUnitInput } from './OrganizationInput';

/** 报到: a dispatched unit reports in, naming its contact. */
export function RegisterButton({ forUnit }: { forUnit: boolean }) {
  const record = useRecordContext<CaseView>();
  const pending = (record?.assignments ?? []).filter((a) => a.state === 'pending').map((a) => a.organizationId);
  return (
    <ActionDialog type="register">
      {forUnit ? <AssignedUnitInput organizationIds={pending} /> : null}
      <TextInput source="contactName" label="whistle.actionFields.contactName" validate={required()} fullWidth />
      <TextInput
        source="contactPhone"
        label="whistle.actionFields.contactPhone"
        validate={[required(), regex(/^\+?[0-9][0-9 -]{5,19}$/)]}
        fullWidth
      />
      <TextInput source="note" label="whistle.actionFields.note" multiline fullWidth />
    </ActionDialog>
  );
}
