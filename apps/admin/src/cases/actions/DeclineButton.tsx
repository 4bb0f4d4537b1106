import { SelectInput, TextInput, required, useRecordContext } from 'react-admin';
import { readSession } from '../../auth/session';
import { targetsOf, type CaseRecord } from '../case-record';
import { declineReasonChoices } from '../choices';
import { ActionDialog } from './ActionDialog';
import { AssignedUnitInput, actsForOtherUnits, onlyUnit } from './OrganizationInput';

/** 退单: a dispatched unit returns the case with a reason; a coordinator may do it for one of the units the API lists. */
export function DeclineButton() {
  const record = useRecordContext<CaseRecord>();
  const units = record ? targetsOf(record, 'decline') : [];
  const forUnit = actsForOtherUnits(units, readSession()?.user.organizationId);
  return (
    <ActionDialog type="decline" defaultValues={forUnit ? { organizationId: onlyUnit(units) } : undefined}>
      {forUnit ? <AssignedUnitInput organizationIds={units} /> : null}
      <SelectInput source="reasonCode" label="whistle.actionFields.reasonCode" choices={declineReasonChoices} validate={required()} fullWidth />
      <TextInput source="reason" label="whistle.actionFields.reason" validate={required()} multiline fullWidth />
    </ActionDialog>
  );
}
