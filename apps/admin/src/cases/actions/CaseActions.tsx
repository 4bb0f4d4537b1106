import { useMediaQuery, type Theme } from '@mui/material';
import type { ActionType } from '@whistle/domain';
import { useState, type ReactNode } from 'react';
import { TopToolbar, useRecordContext } from 'react-admin';
import { mayTake, type CaseRecord } from '../case-record';
import { CommentButton } from './CommentButton';
import { CompleteTaskButton } from './CompleteTaskButton';
import { ConcludeCoordinationButton } from './ConcludeCoordinationButton';
import { DeclineButton } from './DeclineButton';
import { DispatchButton } from './DispatchButton';
import { ApproveExtensionButton, RejectExtensionButton, RequestExtensionButton } from './ExtensionButtons';
import { FeedbackButton } from './FeedbackButton';
import { ReassignButton } from './ReassignButton';
import { RecordMinutesButton } from './RecordMinutesButton';
import { RegisterButton } from './RegisterButton';
import { ResolveButton } from './ResolveButton';
import { ScheduleMeetingButton } from './ScheduleMeetingButton';
import { UrgeButton } from './UrgeButton';
import { WithdrawButton } from './WithdrawButton';
import { ActionDialogControl } from './ActionDialogControl';
import { CaseActionsMenu } from './CaseActionsMenu';

/** The console's dialog for each action it offers, in the order the buttons show. */
const BUTTONS: [ActionType, ReactNode][] = [
  ['dispatch', <DispatchButton />],
  ['register', <RegisterButton />],
  ['decline', <DeclineButton />],
  ['reassign', <ReassignButton />],
  ['schedule_meeting', <ScheduleMeetingButton />],
  ['record_minutes', <RecordMinutesButton />],
  ['conclude_coordination', <ConcludeCoordinationButton />],
  ['resolve', <ResolveButton />],
  ['complete_task', <CompleteTaskButton />],
  ['request_extension', <RequestExtensionButton />],
  ['approve_extension', <ApproveExtensionButton />],
  ['reject_extension', <RejectExtensionButton />],
  ['feedback', <FeedbackButton />],
  ['comment', <CommentButton />],
  ['withdraw', <WithdrawButton />],
  ['urge', <UrgeButton />],
];

/**
 * The actions this user may take on this case now, exactly as the API lists them in the record
 * (`availableActions`, computed by the domain for the requesting user). The console decides nothing.
 * A row of buttons; on a phone, one "actions" menu listing the same. Either way the dialogs are the same elements in
 * the same place, with which one is open held here: a dialog stays open, and keeps what was typed, when the window
 * crosses the phone's width (a tablet turned, a window resized).
 */
export function CaseActions() {
  const record = useRecordContext<CaseRecord>();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [chosen, setChosen] = useState<ActionType | null>(null);
  if (!record) return <TopToolbar />;
  const available = BUTTONS.filter(([type]) => mayTake(record, type));
  return (
    // Wraps: in a narrow window the buttons would otherwise widen the whole page past the screen.
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      {phone ? <CaseActionsMenu types={available.map(([type]) => type)} onChoose={setChosen} /> : null}
      {available.map(([type, button]) => (
        <ActionDialogControl.Provider
          key={type}
          value={{ open: chosen === type, onOpen: () => setChosen(type), onClose: () => setChosen(null), showButton: !phone }}
        >
          {/* `contents`: the button is the toolbar's item; on a phone the span holds only the dialog's portal, and no room. */}
          <span style={{ display: 'contents' }}>{button}</span>
        </ActionDialogControl.Provider>
      ))}
    </TopToolbar>
  );
}
