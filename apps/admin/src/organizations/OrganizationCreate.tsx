import { Create, SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { kindChoices } from './KindField';
import { ParentInput } from './ParentInput';

/** A new organization (admin): communities belong to a street, grids to a community. */
export function OrganizationCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
        <SelectInput source="kind" choices={kindChoices} validate={required()} />
        <ParentInput />
      </SimpleForm>
    </Create>
  );
}
