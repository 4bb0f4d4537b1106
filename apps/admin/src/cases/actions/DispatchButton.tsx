import { TextInput, required } from 'react-admin';
import { ActionDialog } from './ActionDialog';
import { HandlerInput, HandlersInput } from './OrganizationInput';

/** 派单: the street names a lead unit and any co-handlers, with a note to them if it has one. */
export function DispatchButton() {
  return (
    <ActionDialog type="dispatch" defaultValues={{ coHandlerOrganizationIds: [] }}>
      <HandlerInput source="leadOrganizationId" validate={required()} />
      <HandlersInput source="coHandlerOrganizationIds" />
      <TextInput source="note" label="whistle.actionFields.note" multiline fullWidth />
    </ActionDialog>
  );
}
