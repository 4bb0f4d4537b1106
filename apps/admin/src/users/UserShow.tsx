import { BooleanField, EditButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { WhenField } from '../common/WhenField';
import { ResetPasswordButton } from './ResetPasswordButton';
import { RolesField } from './RolesField';
import { UserTitle } from './UserTitle';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <ResetPasswordButton />
    </TopToolbar>
  );
}

/** One account (admin), with its edit and password-reset buttons. */
export function UserShow() {
  return (
    <Show title={<UserTitle />} actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="username" />
        <TextField source="displayName" />
        <RolesField label="resources.users.fields.roles" />
        <ReferenceField source="organizationId" reference="organizations" emptyText="—" />
        <BooleanField source="active" />
        <BooleanField source="mustChangePassword" />
        <WhenField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}
