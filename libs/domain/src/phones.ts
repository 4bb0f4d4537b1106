import { z } from 'zod';
import { maskPhone } from './case-input';
import type { CaseState } from './case-state';
import { hasRole, type Actor } from './directory';
import { isOpenStage } from './stages';

/**
 * Every phone number a case holds is masked in every response; the full number comes only from an explicit,
 * audited reveal naming one field:
 * - `reporter`: the resident who raised the case;
 * - `contact:<organizationId>`: the contact a dispatched unit gave when it reported in;
 * - `attendee:<meetingId>:<index>`: a named attendee of a coordination meeting (index into its attendee list).
 */
export type PhoneField = { kind: 'reporter' } | { kind: 'contact'; organizationId: string } | { kind: 'attendee'; meetingId: string; index: number };

const CONTACT = /^contact:([^:]{1,100})$/;
const ATTENDEE = /^attendee:([^:]{1,100}):(\d{1,3})$/;

export function parsePhoneField(field: unknown): PhoneField | null {
  if (typeof field !== 'string') return null;
  if (field === 'reporter') return { kind: 'reporter' };
  const contact = CONTACT.exec(field);
  if (contact) return { kind: 'contact', organizationId: contact[1] };
  const attendee = ATTENDEE.exec(field);
  if (attendee) return { kind: 'attendee', meetingId: attendee[1], index: Number(attendee[2]) };
  return null;
}

type PhoneHolder = Pick<CaseState, 'reporter' | 'assignments' | 'meetings'>;

/** The full number a field names on this case, or null when the case has no such number. */
export function phoneAt(state: PhoneHolder, field: string): string | null {
  const parsed = parsePhoneField(field);
  if (!parsed) return null;
  switch (parsed.kind) {
    case 'reporter':
      return state.reporter.phone || null;
    case 'contact':
      // A unit dispatched again after declining has several assignments; the newest contact is the one to call.
      return [...state.assignments].reverse().find((a) => a.organizationId === parsed.organizationId && a.contactPhone)?.contactPhone ?? null;
    case 'attendee':
      return state.meetings.find((m) => m.id === parsed.meetingId)?.attendees[parsed.index]?.phone ?? null;
  }
}

/** What deciding a reveal needs: the case (as the workflow holds it, or as the API's view shows it) and its street. */
export type RevealFacts = Pick<CaseState, 'communityId' | 'stage'> & {
  streetId?: string | null;
  assignments: readonly { organizationId: string; role: 'lead' | 'co'; state: string }[];
};

/**
 * Who must be able to call people about a case: the case's community, the coordinators of its street, and its
 * lead unit while the case is open. They may reveal any number the case holds (the same people arrange the
 * meetings and chase the units); nobody else may, whatever their role. Shared by the API (which enforces it) and
 * the console (which shows the "show number" button only to them).
 */
export function mayRevealPhone(actor: Actor, facts: RevealFacts, field: string): boolean {
  if (actor.kind !== 'user' || !actor.organizationId || !parsePhoneField(field)) return false;
  const org = actor.organizationId;
  if (hasRole(actor, 'community') && org === facts.communityId) return true;
  if (hasRole(actor, 'coordinator') && !!facts.streetId && org === facts.streetId) return true;
  const isLead = facts.assignments.some((a) => a.role === 'lead' && a.state !== 'declined' && a.organizationId === org);
  return isLead && isOpenStage(facts.stage) && !hasRole(actor, 'admin');
}

const PHONE_KEY = /(^phone$|Phone$)/;

/**
 * A copy of any JSON value with every string under a key named `phone` or ending in `Phone` masked: timeline
 * events carry whatever the action carried (meeting attendees, a unit's contact), so they are masked by shape.
 */
export function maskPhoneFields<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => maskPhoneFields(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, PHONE_KEY.test(key) && typeof inner === 'string' ? maskPhone(inner) : maskPhoneFields(inner)]),
  ) as T;
}

/** `POST /api/cases/:id/reveal-phone`: which number to reveal (see `PhoneField`). */
export const revealPhoneSchema = z.object({ field: z.string().min(1).max(220) }).strict();
export type RevealPhoneRequest = z.infer<typeof revealPhoneSchema>;

/**
 * Phone numbers as people write them in China: mobiles (1xx xxxx xxxx), landlines with their area code
 * (0xx-xxxxxxxx), bare local numbers (7 or 8 digits), with or without +86 and single spaces or dashes. The
 * resolution summary is a unit's free text, and the resident's page is public, so they are masked there.
 */
const PHONE_IN_TEXT = /(?<![\d-])(?:\+?86[ -]?)?(?:1[3-9]\d[ -]?\d{4}[ -]?\d{4}|0\d{2,3}[ -]?\d{7,8}|\d{7,8})(?![\d-])/g;
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, (phone) => maskPhone(phone));
}
