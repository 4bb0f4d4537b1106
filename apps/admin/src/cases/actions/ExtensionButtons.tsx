import { Typography } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { DateTimeInput, TextInput, required, useRecordContext, useTranslate } from 'react-admin';
import { fromBeijingInput, toBeijingInput } from '../../common/when';
import { useFormatWhen } from '../../common/WhenField';
import { shownLimit, targetsOf, type CaseRecord } from '../case-record';
import { ActionDialog } from './ActionDialog';

const DAY = 24 * 3_600_000;

type ExtensionView = CaseView['extensions'][number];

/** The lead (or a coordinator for it) asks for more time, giving a new due time and the reason. */
export function RequestExtensionButton() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const when = useFormatWhen();
  const due = record ? shownLimit(record) : null;
  const suggested = due ? new Date(Date.parse(due) + DAY).toISOString() : undefined;
  return (
    <ActionDialog type="request_extension" defaultValues={{ requestedDueAt: suggested }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('whistle.extension.currentDue', { due: when(due) })}
      </Typography>
      {/* Typed and shown in Beijing time like every other time in the console; sent as an ISO instant. */}
      <DateTimeInput
        source="requestedDueAt"
        label="whistle.actionFields.requestedDueAt"
        format={toBeijingInput}
        parse={fromBeijingInput}
        validate={required()}
        fullWidth
      />
      <TextInput source="reason" label="whistle.actionFields.extensionReason" validate={required()} multiline minRows={2} fullWidth />
    </ActionDialog>
  );
}

/**
 * What is being decided, shown at the top of the approve and reject dialogs. A prop, not read from the record
 * context: inside the dialog's form that context is the action's payload, not the case.
 */
function PendingRequest({ pending }: { pending: ExtensionView | undefined }) {
  const translate = useTranslate();
  const when = useFormatWhen();
  if (!pending) return null;
  return (
    <Typography variant="body2" sx={{ mb: 1 }} data-testid="pending-extension">
      {translate('whistle.extension.summary', { from: when(pending.previousDueAt), to: when(pending.requestedDueAt), reason: pending.reason })}
    </Typography>
  );
}

/** The request the API lists as this user's to decide now, as the case's list of requests shows it. */
function useDecidable(type: 'approve_extension' | 'reject_extension'): { extensionId: string | undefined; pending: ExtensionView | undefined } {
  const record = useRecordContext<CaseRecord>();
  const extensionId = record ? targetsOf(record, type)[0] : undefined;
  return { extensionId, pending: record?.extensions.find((e) => e.id === extensionId) };
}

/** A coordinator grants the request: the clock and its reminders move to the requested time. */
export function ApproveExtensionButton() {
  const { extensionId, pending } = useDecidable('approve_extension');
  return (
    <ActionDialog type="approve_extension" defaultValues={{ extensionId }}>
      <PendingRequest pending={pending} />
      <TextInput source="reason" label="whistle.actionFields.decisionNote" multiline fullWidth />
    </ActionDialog>
  );
}

/** A coordinator refuses the request, saying why; the time limit stays. */
export function RejectExtensionButton() {
  const { extensionId, pending } = useDecidable('reject_extension');
  return (
    <ActionDialog type="reject_extension" defaultValues={{ extensionId }}>
      <PendingRequest pending={pending} />
      <TextInput source="reason" label="whistle.actionFields.reason" validate={required()} multiline fullWidth />
    </ActionDialog>
  );
}
