import { AutocompleteInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { kindChoices } from './KindField';

/** A new organization (admin): communities belong to a street. */
export function OrganizationCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
        <SelectInput source="kind" choices={kindChoices} validate={required()} />
        <ReferenceInput source="parentId" reference="organizations" filter={{ kind: ['street', 'community'] }} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
}
