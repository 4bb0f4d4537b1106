import { leadOf } from '@whistle/domain';
import { RecordContextProvider, ReferenceField, TextField, useRecordContext } from 'react-admin';
import type { CaseRecord } from './case-record';

/** The case's current lead unit by name (a declined lead no longer leads); empty before dispatch. */
export function LeadUnitField() {
  const record = useRecordContext<CaseRecord>();
  const lead = record ? leadOf(record) : undefined;
  if (!lead) return null;
  return (
    <RecordContextProvider value={{ id: lead.organizationId, organizationId: lead.organizationId }}>
      <ReferenceField source="organizationId" reference="organizations" link={false}>
        <TextField source="name" data-testid="lead-unit" />
      </ReferenceField>
    </RecordContextProvider>
  );
}
