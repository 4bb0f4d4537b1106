import { TextInput } from 'react-admin';
import { ActionDialog } from './ActionDialog';

/** 结束协调: the street closes coordination (the API refuses while no minutes agreed an action item), with an optional note. */
export function ConcludeCoordinationButton() {
  return (
    <ActionDialog type="conclude_coordination">
      <TextInput source="note" label="whistle.actionFields.note" multiline minRows={2} fullWidth />
    </ActionDialog>
  );
}
