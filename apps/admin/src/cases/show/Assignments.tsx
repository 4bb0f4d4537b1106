import { ArrayField, DataTable, ReferenceField, SelectField, TextField } from 'react-admin';
import { WhenField } from '../../common/WhenField';
import { ContactPhone } from './RevealablePhone';

const roleChoices = [
  { id: 'lead', name: 'whistle.assignment.roles.lead' },
  { id: 'co', name: 'whistle.assignment.roles.co' },
];
const stateChoices = ['pending', 'registered', 'declined'].map((id) => ({ id, name: `whistle.assignment.states.${id}` }));

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
