import { Edit, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, maxLength, regex, required, useRecordContext } from 'react-admin';
import { kindChoices } from './KindField';
import { ParentInput } from './ParentInput';
import { ResponsibleInput } from '../places/ResponsibleInput';

const httpUrl = regex(/^https?:\/\/\S+$/, 'whistle.organizations.webhookInvalid');

function OrganizationTitle() {
  const record = useRecordContext<{ name: string }>();
  return <span>{record?.name ?? ''}</span>;
}

/**
 * An organization (admin): its name, kind and parent, and the WeCom or DingTalk group robot its reminders
 * also go to. Emptying the webhook stops those deliveries.
 */
export function OrganizationEdit() {
  return (
    <Edit title={<OrganizationTitle />} mutationMode="pessimistic" redirect="list">
      {/* Save only: the API deletes no organization (cases and users refer to them). */}
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
        <SelectInput source="kind" choices={kindChoices} validate={required()} />
        <ParentInput />
        <ResponsibleInput />
        <TextInput
          source="webhookUrl"
          validate={[httpUrl, maxLength(2000)]}
          parse={(value: string) => (value.trim() === '' ? null : value.trim())}
          helperText="whistle.organizations.webhookHelp"
          fullWidth
        />
      </SimpleForm>
    </Edit>
  );
}
