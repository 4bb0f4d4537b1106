import { TextInput, regex, required, useRecordContext } from 'react-admin';
import { readSession } from '../../auth/session';
import { targetsOf, type CaseRecord } from '../case-record';
import { ActionDialog } from './ActionDialog';
import { AssignedUnitInput, actsForOtherUnits, onlyUnit } from './OrganizationInput';

/** 报到: a dispatched unit reports in, naming its contact; a coordinator may do it for one of the units the API lists. */
export function RegisterButton() {
  const record = useRecordContext<CaseRecord>();
  const units = record ? targetsOf(record, 'register') : [];
  const forUnit = actsForOtherUnits(units, readSession()?.user.organizationId);
  return (
    <ActionDialog type="register" defaultValues={forUnit ? { organizationId: onlyUnit(units) } : undefined}>
      {forUnit ? <AssignedUnitInput organizationIds={units} /> : null}
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
