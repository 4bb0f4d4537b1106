import { required } from 'react-admin';
import { ActionDialog } from './ActionDialog';
import { HandlerInput, HandlersInput } from './OrganizationInput';

/** 派单: the street names a lead unit and any co-handlers. */
export function DispatchButton() {
  return (
    <ActionDialog type="dispatch" defaultValues={{ coHandlerOrganizationIds: [] }}>
      <HandlerInput source="leadOrganizationId" validate={required()} />
      <HandlersInput source="coHandlerOrganizationIds" />
    </ActionDialog>
  );
}
