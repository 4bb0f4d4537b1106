import { Stack } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { ArrayField, DataTable, ReferenceField, SelectField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { WhenField } from '../../common/WhenField';
import { ContactPhone } from './RevealablePhone';
import { TimeLeftChip } from '../TimeLeftChip';

type AssignmentView = CaseView['assignments'][number];

const roleChoices = [
  { id: 'lead', name: 'whistle.assignment.roles.lead' },
  { id: 'co', name: 'whistle.assignment.roles.co' },
];
const stateChoices = ['pending', 'registered', 'declined'].map((id) => ({ id, name: `whistle.assignment.states.${id}` }));

/** A pending unit's time left to report in; nothing once it has reported in or declined. */
function AssignmentTimeLeft(_props: { label?: string }) {
  const assignment = useRecordContext<AssignmentView>();
  if (!assignment || assignment.state !== 'pending') return null;
  return <TimeLeftChip dueAt={assignment.dueAt} enteredAt={assignment.dispatchedAt} />;
}

/** Why a unit declined: the reason's words, then what it wrote. */
function DeclineReason(_props: { label?: string }) {
  const assignment = useRecordContext<AssignmentView>();
  const translate = useTranslate();
  if (!assignment || assignment.state !== 'declined') return null;
  return (
    <Stack data-testid="decline-reason">
      {assignment.reasonCode ? (
        <strong>{translate(`whistle.declineReasons.${assignment.reasonCode}`, { _: translate('whistle.declineReasons.other') })}</strong>
      ) : null}
      {assignment.reason ? <span>{assignment.reason}</span> : null}
    </Stack>
  );
}

/** The units the street dispatched, and whether each has reported in. */
export function Assignments() {
  return (
    <ArrayField source="assignments">
      <DataTable bulkActionButtons={false} rowClick={false} empty={<span>—</span>}>
        <DataTable.Col source="organizationId" label="whistle.assignment.organizationId">
          <ReferenceField source="organizationId" reference="organizations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="role" label="whistle.assignment.role">
          <SelectField source="role" choices={roleChoices} />
        </DataTable.Col>
        <DataTable.Col source="state" label="whistle.assignment.state">
          <SelectField source="state" choices={stateChoices} />
        </DataTable.Col>
        <DataTable.Col source="dueAt" label="whistle.assignment.dueAt">
          <WhenField source="dueAt" />
        </DataTable.Col>
        <DataTable.Col source="timeLeft" label="whistle.casePage.timeLeftColumn">
          <AssignmentTimeLeft />
        </DataTable.Col>
        <DataTable.Col source="reasonCode" label="whistle.casePage.declineReason">
          <DeclineReason />
        </DataTable.Col>
        <DataTable.Col source="registeredAt" label="whistle.assignment.registeredAt">
          <WhenField source="registeredAt" />
        </DataTable.Col>
        <DataTable.Col source="contactName" label="whistle.assignment.contactName">
          <TextField source="contactName" />
        </DataTable.Col>
        <DataTable.Col source="contactPhone" label="whistle.assignment.contactPhone">
          <ContactPhone />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
}
