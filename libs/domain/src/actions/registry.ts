import type { z } from 'zod';
import { STAGES, type Stage } from '../stages';
import { ACTION_GROUPS, type ActionDefinition, type Attempter } from './action';
import { comment } from './comment';
import { completeActionItem } from './complete-action-item';
import { completeTask } from './complete-task';
import { concludeCoordination } from './conclude-coordination';
import { decline } from './decline';
import { dispatch } from './dispatch';
import { approveExtension, rejectExtension, requestExtension } from './extensions';
import { feedback } from './feedback';
import { reassign } from './reassign';
import { recordMinutes } from './record-minutes';
import { register } from './register';
import { resolve } from './resolve';
import { scheduleMeeting } from './schedule-meeting';
import { urge } from './urge';
import { withdraw } from './withdraw';

/**
 * Every action a person can take on a case, by its `type`. Everything else about actions (the payload schemas,
 * the permission tables, `decide`, `apply`, `availableActions`, `actionTargets`) is derived from this list.
 * Adding an action: one module beside these, one line here.
 */
export const ACTIONS = {
  dispatch,
  register,
  decline,
  schedule_meeting: scheduleMeeting,
  record_minutes: recordMinutes,
  conclude_coordination: concludeCoordination,
  complete_action_item: completeActionItem,
  resolve,
  feedback,
  reassign,
  comment,
  complete_task: completeTask,
  request_extension: requestExtension,
  approve_extension: approveExtension,
  reject_extension: rejectExtension,
  withdraw,
  urge,
};

type Registry = typeof ACTIONS;
export type ActionType = keyof Registry;
export const ACTION_TYPES = Object.keys(ACTIONS) as ActionType[];

/** An action's definition, seen without its own payload and decision types (for code that handles every action). */
export function definitionOf(type: ActionType): ActionDefinition<z.ZodType, object> {
  return ACTIONS[type] as unknown as ActionDefinition<z.ZodType, object>;
}

/** Every action's payload schema, one each; the API, the workflow and the console share them. */
export const actionSchemas = Object.fromEntries(ACTION_TYPES.map((type) => [type, ACTIONS[type].schema])) as {
  [T in ActionType]: Registry[T]['schema'];
};

/**
 * Which stage takes which action, in the order they are offered: the stage's own step first, then by group
 * (`ACTION_GROUPS`), in registry order within each. `comment` and `withdraw` are open in every open stage; a
 * closed or withdrawn case takes nothing.
 */
export const STAGE_ACTIONS = Object.fromEntries(
  STAGES.map((stage) => {
    const rank = (type: ActionType) => {
      const definition = definitionOf(type);
      return definition.stepOf?.includes(stage) ? 0 : ACTION_GROUPS.indexOf(definition.group);
    };
    const taken = ACTION_TYPES.filter((type) => definitionOf(type).stages.includes(stage));
    // Array.prototype.sort is stable: registry order holds within a rank.
    return [stage, taken.sort((a, b) => rank(a) - rank(b))];
  }),
) as unknown as Record<Stage, readonly ActionType[]>;

/**
 * Who may attempt an action at all, before looking at the case: a role list, or `member` for
 * "a user whose organization the case names" (checked against the case in `decide`).
 */
export const ACTION_ROLES = Object.fromEntries(ACTION_TYPES.map((type) => [type, ACTIONS[type].roles])) as Record<ActionType, readonly Attempter[]>;
