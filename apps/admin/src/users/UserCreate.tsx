import { AutocompleteInput, CheckboxGroupInput, Create, PasswordInput, ReferenceInput, SimpleForm, TextInput, regex, required } from 'react-admin';
import { newPasswordValidator } from '../auth/newPasswordValidator';
import { roleChoices } from './roleChoices';

const acceptablePassword = newPasswordValidator((values) => (typeof values.username === 'string' ? values.username : undefined));
const username = regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'whistle.users.usernameRule');

/** A new account (admin): roles decide what the person may do, the organization whose cases they see. */
export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="username" validate={[required(), username]} />
        <PasswordInput source="password" validate={[required(), acceptablePassword]} helperText="whistle.password.policy" />
        <TextInput source="displayName" validate={required()} />
        <CheckboxGroupInput source="roles" choices={roleChoices} validate={required()} />
        <ReferenceInput source="organizationId" reference="organizations" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
}
