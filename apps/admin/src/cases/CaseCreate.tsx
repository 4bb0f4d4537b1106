import { AutocompleteInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, regex, required } from 'react-admin';
import { currentActor } from '../auth/session';
import { categoryChoices, channelChoices, urgencyChoices } from './choices';

const phone = regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number');

/** Blow the whistle: a community (or a coordinator) raises a case to the street. */
export function CaseCreate() {
  const actor = currentActor();
  const defaults = {
    channel: 'grid_member',
    urgency: 'normal',
    communityId: actor?.roles.includes('community') ? actor.organizationId : undefined,
  };
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaults}>
        <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
        <TextInput source="description" validate={[required(), maxLength(5000)]} multiline minRows={3} fullWidth />
        <SelectInput source="category" choices={categoryChoices} validate={required()} />
        <ReferenceInput source="communityId" reference="organizations" filter={{ kind: 'community' }} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" validate={required()} />
        </ReferenceInput>
        <TextInput source="address" validate={maxLength(300)} fullWidth />
        <TextInput source="reporter.name" validate={[required(), maxLength(100)]} />
        <TextInput source="reporter.phone" validate={[required(), phone]} />
        <SelectInput source="channel" choices={channelChoices} validate={required()} />
        <SelectInput source="urgency" choices={urgencyChoices} validate={required()} />
      </SimpleForm>
    </Create>
  );
}
