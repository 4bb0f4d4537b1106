import { TextInput, required } from 'react-admin';
import { ActionDialog } from './ActionDialog';

/** 撤回: the street withdraws a case that should not go on. */
export function WithdrawButton() {
  return (
    <ActionDialog type="withdraw">
      <TextInput source="reason" label="whistle.actionFields.reason" validate={required()} multiline fullWidth />
    </ActionDialog>
  );
}
