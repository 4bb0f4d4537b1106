import {
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  Edit,
  ReferenceInput,
  SaveButton,
  ShowButton,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  maxLength,
  required,
} from 'react-admin';
import { ResetPasswordButton } from './ResetPasswordButton';
import { roleChoices } from './roleChoices';
import { UserTitle } from './UserTitle';

function Actions() {
  return (
    <TopToolbar>
      <ShowButton />
      <ResetPasswordButton />
    </TopToolbar>
  );
}

/**
 * An account (admin): name, roles, organization, and whether it may sign in. Switching it off, or changing
 * its roles or organization, signs the person out everywhere at once. The API's refusals show on the fields.
 */
export function UserEdit() {
  return (
    <Edit title={<UserTitle />} actions={<Actions />} mutationMode="pessimistic" redirect="show">
      {/* Save only: accounts are deactivated, never deleted (cases and the audit trail name them). */}
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <TextInput source="username" disabled />
        <TextInput source="displayName" validate={[required(), maxLength(100)]} />
        <CheckboxGroupInput source="roles" choices={roleChoices} validate={required()} />
        <ReferenceInput source="organizationId" reference="organizations" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>
        <BooleanInput source="active" helperText="whistle.users.activeHelp" />
      </SimpleForm>
    </Edit>
  );
}
