import type { CaseView } from '@whistle/domain';
import { SelectInput, TextInput, required, useRecordContext } from 'react-admin';
import { declineReasonChoices } from '../choices';
import { ActionDialog } from './ActionDialog';
import { AssignedUnitInput } from './OrganizationInput';

/** 退单: a dispatched unit returns the case with a reason. */
export function DeclineButton({ forUnit }: { forUnit: boolean }) {
  const record = useRecordContext<CaseView>();
  const pending = (record?.assignments ?? []).filter((a) => a.state === 'pending').map((a) => a.organizationId);
  return (
    <ActionDialog type="decline">
      {forUnit ? <AssignedUnitInput organizationIds={pending} /> : null}
      <SelectInput source="reasonCode" label="whistle.actionFields.reasonCode" choices={declineReasonChoices} validate={required()} fullWidth />
      <TextInput source="reason" label="whistle.actionFields.reason" validate={required()} multiline fullWidth />
    </ActionDialog>
  );
}
