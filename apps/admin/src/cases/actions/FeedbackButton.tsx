import { SelectInput, TextInput, required } from 'react-admin';
import { satisfactionChoices } from '../choices';
import { ActionDialog } from './ActionDialog';

/** 回访评价: the community records the residents' rating; a low one reopens the case. */
export function FeedbackButton() {
  return (
    <ActionDialog type="feedback" defaultValues={{ satisfaction: 5 }}>
      <SelectInput source="satisfaction" label="whistle.actionFields.satisfaction" choices={satisfactionChoices} validate={required()} fullWidth />
      <TextInput source="comment" label="whistle.actionFields.comment" multiline fullWidth />
      <TextInput source="thanks" label="whistle.actionFields.thanks" fullWidth />
    </ActionDialog>
  );
}
