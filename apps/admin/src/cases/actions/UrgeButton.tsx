import { TextInput, maxLength, required } from 'react-admin';
import { ActionDialog } from './ActionDialog';

/** 督办: a coordinator or leader presses the lead unit, saying what the street expects. */
export function UrgeButton() {
  return (
    <ActionDialog type="urge">
      <TextInput source="note" label="whistle.actionFields.urgeNote" validate={[required(), maxLength(2000)]} multiline fullWidth />
    </ActionDialog>
  );
}
