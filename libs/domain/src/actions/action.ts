import type { z } from 'zod';
import { ChangeBuilder } from '../change-builder';
import type { CaseEventType, CaseState, Recipient } from '../case-state';
import type { Actor, Role } from '../directory';
import type { DomainError } from '../errors';
import type { Stage } from '../stages';

/** Who may attempt an action at all: a role, `member` (a user whose organization the case names), or the resident. */
export type Attempter = Role | 'member' | 'resident';

/**
 * Where an action is listed among a stage's actions (the console shows them as buttons in this order): first
 * the actions whose stage it is (`stepOf`), then meeting work, the units' own actions, the checklist and
 * extensions, and last what every open stage takes.
 */
export const ACTION_GROUPS = ['step', 'meetings', 'units', 'checklist', 'anytime'] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

/** What a recipient rule may look at besides the case as the action left it: the event's data and the case before. */
export interface EmittedEvent {
  data: Record<string, unknown>;
  before: CaseState;
}

/** Who must be told of an event, given the case as the action left it; `nobody` for an event that tells no one. */
export type Recipients = (state: CaseState, event: EmittedEvent) => Recipient[];
export const nobody: Recipients = () => [];

/** What a pure transition borrows from the outside: the time and fresh ids (both deterministic in a workflow). */
export interface TransitionContext {
  now: string;
  newId: () => string;
}

/** Why a check refused: wraps the `DomainError` so a check can return either a refusal or what it found. */
export class Refusal {
  constructor(readonly error: DomainError) {}
}

/**
 * Everything about one action, in one place. `check` returns what it found (the decision: the assignment,
 * task or extension acted on) or a refusal; `apply` consumes that decision instead of looking it up again.
 */
export interface ActionDefinition<S extends z.ZodType = z.ZodType, D extends object = object> {
  /** The payload, without `type`: shared by the API, the workflow and the console. */
  schema: S;
  roles: readonly Attempter[];
  /** The stages that take the action. */
  stages: readonly Stage[];
  /** Of those, the stages whose own work this action is: it is listed first there. */
  stepOf?: readonly Stage[];
  /** Where it is listed in its other stages. */
  group: ActionGroup;
  /**
   * For an actor who is not a coordinator: whether their organization has a part in this action on this case.
   * Absent: the role is enough. A refusal here is a 403, given before any precondition.
   */
  mayTakePart?: (state: CaseState, actor: Actor) => DomainError | null;
  /** Whether offering the action makes sense now (there is something to act on). Absent: always. */
  relevant?: (state: CaseState, actor: Actor) => boolean;
  /** For an action on one item: the ids of the items this actor may act on now. */
  targets?: (state: CaseState, actor: Actor) => string[];
  /** The action's own preconditions; `now` is absent when a caller only checks the payload's shape against the case. */
  check: (state: CaseState, action: z.output<S>, actor: Actor, now: string | undefined) => Refusal | D;
  apply: (change: ChangeBuilder, action: z.output<S>, decision: D, context: TransitionContext & { actor: Actor }) => void;
  /** Every event `apply` may emit (besides `stage_changed`, which every stage change emits), with its recipients. */
  emits: Partial<Record<CaseEventType, Recipients>>;
}

/** Declares an action; only a helper for inference (the decision type flows from `check` to `apply`). */
export function defineAction<S extends z.ZodType, D extends object>(definition: ActionDefinition<S, D>): ActionDefinition<S, D> {
  return definition;
}

/** The decision of a check that found nothing to hand on. */
export const ACCEPTED = {} as const;

/**
 * The change an action makes: every event it emits must be declared in its `emits`, and carries the recipients
 * declared there (left out when nobody is told, so events that tell no one keep their shape).
 */
export class ActionChange extends ChangeBuilder {
  constructor(
    private readonly previous: CaseState,
    now: string,
    actor: Actor,
    newId: () => string,
    private readonly emits: ActionDefinition['emits'],
  ) {
    super(previous, now, actor, newId);
  }

  override emit(type: CaseEventType, data: Record<string, unknown>): void {
    if (type === 'stage_changed') return super.emit(type, data);
    const recipientsOf = this.emits[type];
    if (!recipientsOf) throw new Error(`an action emitted ${type}, which it does not declare in its emits`);
    const recipients = distinctRecipients(recipientsOf(this.state, { data, before: this.previous }));
    super.emit(type, recipients.length > 0 ? { ...data, recipients } : data);
  }
}

/** Each recipient once (a unit named twice, say as attendee and owner, is told once). */
export function distinctRecipients(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
