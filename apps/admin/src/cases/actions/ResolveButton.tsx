import { SelectInput, TextInput, required } from 'react-admin';
import { outcomeChoices } from '../choices';
import { EvidenceFilesInput } from '../../attachments/EvidenceFilesInput';
import { ActionDialog } from './ActionDialog';

/** 办结: the lead unit (or a coordinator) declares the problem solved. */
export function ResolveButton() {
  return (
    <ActionDialog type="resolve" evidence={{ purpose: 'resolution' }} defaultValues={{ outcome: 'resolved' }}>
      <TextInput source="summary" label="whistle.actionFields.summary" validate={required()} multiline minRows={3} fullWidth />
      <SelectInput source="outcome" label="whistle.actionFields.outcome" choices={outcomeChoices} validate={required()} fullWidth />
      <EvidenceFilesInput />
    </ActionDialog>
  );
}
