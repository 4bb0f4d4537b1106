import { availableActions, hasRole, type ActionType, type CaseState, type CaseView } from '@whistle/domain';
import type { ReactNode } from 'react';
import { TopToolbar, useRecordContext } from 'react-admin';
import { currentActor } from '../../auth/session';
import { CommentButton } from './CommentButton';
import { CompleteTaskButton } from './CompleteTaskButton';
import { DeclineButton } from './DeclineButton';
import { DispatchButton } from './DispatchButton';
import { ApproveExtensionButton, RejectExtensionButton, RequestExtensionButton } from './ExtensionButtons';
import { FeedbackButton } from './FeedbackButton';
import { RegisterButton } from './RegisterButton';
import { ResolveButton } from './ResolveButton';
import { WithdrawButton } from './WithdrawButton';

/**
 * The actions this user may take on this case now, by the domain's own rules. The view carries every field
 * `availableActions` reads (stage, community, assignments, meetings, action items); the API stays the
 * authority and its refusal is shown if the two ever disagree.
 */
export function CaseActions() {
  const record = useRecordContext<CaseView>();
  const actor = currentActor();
  if (!record || !actor) return <TopToolbar />;
  const allowed = new Set(availableActions(record as unknown as CaseState, actor));
  // A coordinator acts for a unit and must say which; a unit's own user acts for itself.
  const forUnit = hasRole(actor, 'coordinator');
  const buttons: [ActionType, ReactNode][] = [
    ['dispatch', <DispatchButton />],
    ['register', <RegisterButton forUnit={forUnit} />],
    ['decline', <DeclineButton forUnit={forUnit} />],
    ['resolve', <ResolveButton />],
    ['complete_task', <CompleteTaskButton />],
    ['request_extension', <RequestExtensionButton />],
    ['approve_extension', <ApproveExtensionButton />],
    ['reject_extension', <RejectExtensionButton />],
    ['feedback', <FeedbackButton />],
    ['comment', <CommentButton />],
    ['withdraw', <WithdrawButton />],
  ];
  return (
    // Wraps: on a phone the buttons would otherwise widen the whole page past the screen.
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      {buttons
        .filter(([type]) => allowed.has(type))
        .map(([type, button]) => (
          <span key={type}>{button}</span>
        ))}
    </TopToolbar>
  );
}
