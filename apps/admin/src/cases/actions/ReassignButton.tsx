import { required, useRecordContext } from 'react-admin';
import type { CaseRecord } from '../case-record';
import { ActionDialog } from './ActionDialog';
import { HandlerInput, HandlersInput } from './OrganizationInput';

/** The units now on the case (a declined one is no longer), to start the reassign form from. */
function currentHandlers(record: CaseRecord | undefined): { leadOrganizationId?: string; coHandlerOrganizationIds: string[] } {
  const current = (record?.assignments ?? []).filter((a) => a.state !== 'declined');
  return {
    leadOrganizationId: current.find((a) => a.role === 'lead')?.organizationId,
    coHandlerOrganizationIds: current.filter((a) => a.role === 'co').map((a) => a.organizationId),
  };
}

/** 改派: the street changes the lead unit or the co-handlers, starting from the ones on the case; units that stay keep their clocks. */
export function ReassignButton() {
  const record = useRecordContext<CaseRecord>();
  return (
    <ActionDialog type="reassign" defaultValues={currentHandlers(record)}>
      <HandlerInput source="leadOrganizationId" validate={required()} />
      <HandlersInput source="coHandlerOrganizationIds" />
    </ActionDialog>
  );
}
