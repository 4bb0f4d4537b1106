import { TextInput, required } from 'react-admin';
import { ActionDialog } from './ActionDialog';

/** A note on the case's timeline, open to everyone taking part. */
export function CommentButton() {
  return (
    <ActionDialog type="comment">
      <TextInput source="text" label="whistle.actionFields.text" validate={required()} multiline minRows={2} fullWidth />
    </ActionDialog>
  );
}
