import { currentAssignments, leadOf } from '../assignments';
import type { CaseState, Recipient } from '../case-state';
import type { Recipients } from './action';

/** Recipient rules several actions share; each action names its own in its `emits`. */

/** The street's coordinators. */
export const coordinators: Recipients = () => [{ role: 'coordinator' }];

/** The unit leading the case now (none before a dispatch). */
export const leadUnit: Recipients = (state) => {
  const lead = leadOf(state);
  return lead ? [{ organizationId: lead.organizationId }] : [];
};

/** Every unit on the case now: the lead and the co-handlers (declined units are off it). */
export const currentUnits: Recipients = (state) => currentAssignments(state).map((a) => ({ organizationId: a.organizationId }));

/** Units a reassign put on, took off, or gave another role: the old and the new. */
export const reassignedUnits: Recipients = (state, { before }) => {
  const roleIn = (s: CaseState) => new Map(currentAssignments(s).map((a) => [a.organizationId, a.role]));
  const was = roleIn(before);
  const is = roleIn(state);
  const changed = [...new Set([...was.keys(), ...is.keys()])].filter((org) => was.get(org) !== is.get(org));
  return changed.map((organizationId): Recipient => ({ organizationId }));
};
