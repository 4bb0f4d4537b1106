import { Create, SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { kindChoices } from './KindField';
import { ParentInput } from './ParentInput';
import { ResponsibleInput } from '../places/ResponsibleInput';

/** A new organization (admin): communities belong to a street, grids to a community (with their grid member responsible). */
export function OrganizationCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
        <SelectInput source="kind" choices={kindChoices} validate={required()} />
        <ParentInput />
        <ResponsibleInput />
      </SimpleForm>
    </Create>
  );
}
