import type { Actor } from './directory';
import type { RuleSetSnapshot } from './rule-set';
import type { Stage } from './stages';
import type { OpenCaseRequest } from './case-input';
import type { GeoPoint } from './places';
import type { ActionType } from './actions';

export interface Assignment {
  organizationId: string;
  role: 'lead' | 'co';
  state: 'pending' | 'registered' | 'declined';
  dispatchedAt: string;
  /** Each dispatched unit has its own clock for reporting in. */
  dueAt: string | null;
  /** Time an approved extension added to this unit's clock (its reminders move with it). */
  extendedMs?: number;
  registeredAt: string | null;
  contactName?: string;
  contactPhone?: string;
  note?: string;
  declinedAt?: string;
  reasonCode?: string;
  reason?: string;
}

export interface MeetingAttendee {
  organizationId?: string;
  name?: string;
  role?: string;
  phone?: string;
}

export interface Minutes {
  summary: string;
  decisions: string[];
  recordedAt: string;
  actionItemIds: string[];
}

export interface Meeting {
  id: string;
  scheduledAt: string;
  location: string;
  attendees: MeetingAttendee[];
  minutes: Minutes | null;
}

/** One line of the responsibility list agreed at a meeting. */
export interface ActionItem {
  id: string;
  meetingId: string;
  ownerOrganizationId: string;
  title: string;
  dueAt: string;
  completedAt: string | null;
  evidence?: string;
}

/** A checklist item the rule set gives a stage ("site inspection within 1 day" for the lead). */
export interface Task {
  id: string;
  stage: Stage;
  name: string;
  /** Resolved when the task appears: an organization (the lead's, or a named one) or a street role. */
  assignee: { organizationId: string } | { role: 'coordinator' | 'community' | 'leader' };
  required: boolean;
  startedAt: string;
  dueAt: string | null;
  completedAt: string | null;
  evidence?: string;
  /** Index into the rule set's `tasks`, for its reminders. */
  rule: number;
}

/** The lead asks for more time; a coordinator approves (the clock moves) or rejects. */
export interface Extension {
  id: string;
  stage: Stage;
  organizationId: string | null;
  reason: string;
  requestedAt: string;
  previousDueAt: string;
  requestedDueAt: string;
  state: 'pending' | 'approved' | 'rejected';
  decidedAt?: string;
  decisionReason?: string;
}

/** Who a notification is for: one person, everyone of an organization, or everyone holding a street role. */
export type Recipient = { userId: string } | { organizationId: string } | { role: 'coordinator' | 'leader' | 'community' };

export interface Feedback {
  satisfaction: number;
  comment?: string;
  thanks?: string;
  at: string;
  from: 'resident' | 'community';
  /** True when this rating sent the case back to resolution. */
  reopened: boolean;
}

export interface Resolution {
  summary: string;
  outcome: 'resolved' | 'partially_resolved' | 'explained';
  at: string;
}

/** The input a case workflow starts from: everything it needs, no look-ups. */
export interface CaseSeed extends OpenCaseRequest {
  id: string;
  code: string;
  workflowId: string;
  openedBy: Actor;
  openedAt: string;
  ruleSet: RuleSetSnapshot;
  /** The street that coordinates the case: its community's parent, resolved by the API when opening. */
  streetId?: string | null;
}

/** The whole truth about a case, held by its workflow and projected to Postgres after every change. */
export interface CaseState {
  id: string;
  code: string;
  workflowId: string;
  title: string;
  description: string;
  category: string;
  urgency: OpenCaseRequest['urgency'];
  channel: OpenCaseRequest['channel'];
  communityId: string;
  /**
   * The street that coordinates the case (its community's parent at opening); its coordinators and leaders see
   * it. Absent in cases opened before cases carried their street: the projection's `street_id` has it.
   */
  streetId?: string | null;
  gridId: string | null;
  address: string | null;
  /**
   * The point on the map the problem is at. Absent (not null) in cases opened without one, so a case opened before
   * cases carried a point replays to the very state it had.
   */
  location?: GeoPoint;
  reporter: { name: string; phone: string };
  stage: Stage;
  stageEnteredAt: string;
  stageDueAt: string | null;
  assignments: Assignment[];
  meetings: Meeting[];
  actionItems: ActionItem[];
  resolution: Resolution | null;
  feedback: Feedback | null;
  feedbackHistory: Feedback[];
  reopenCount: number;
  declineCount: number;
  declinesByOrganization: Record<string, number>;
  /** Set when a case has been declined twice: the street's leaders arbitrate who owns it. */
  arbitrationRequestedAt: string | null;
  closedReason: 'feedback' | 'no_response' | null;
  tasks: Task[];
  extensions: Extension[];
  /** Time approved extensions added to the current stage's clock. */
  stageExtendedMs: number;
  /** Reminders already raised, by alarm key; keys of stopped clocks are dropped. */
  firedAlarms: string[];
  withdrawnReason: string | null;
  ruleSet: RuleSetSnapshot;
  openedBy: Actor;
  createdAt: string;
  updatedAt: string;
  /** Grows by one with every change; the projection never goes backwards because of it. */
  version: number;
  /** Sequence number of the last timeline event. */
  eventSeq: number;
}

export type CaseEventType =
  | 'whistled'
  | 'dispatched'
  | 'registered'
  | 'declined'
  | 'arbitration_requested'
  | 'stage_changed'
  | 'meeting_scheduled'
  | 'minutes_recorded'
  | 'coordination_concluded'
  | 'action_item_completed'
  | 'resolved'
  | 'feedback_received'
  | 'reopened'
  | 'closed'
  | 'reassigned'
  | 'commented'
  | 'withdrawn'
  | 'reminder'
  | 'escalation'
  | 'task_completed'
  | 'extension_requested'
  | 'extension_approved'
  | 'extension_rejected'
  | 'urged'
  | 'rule_set_adopted';

export interface TimelineActor {
  kind: Actor['kind'];
  userId?: string;
  username?: string;
  displayName?: string;
  organizationId?: string | null;
}

export interface CaseEvent {
  /** `<caseId>:<seq>`: stable across activity retries, so writing it twice is harmless. */
  id: string;
  seq: number;
  at: string;
  type: CaseEventType;
  actor: TimelineActor;
  data: Record<string, unknown>;
}

export interface Change {
  state: CaseState;
  events: CaseEvent[];
}

export type { ActionType };
