/**
 * Conditions on a `cases` row (alias `c`) that the case list and the dashboard's figures share, so a chart's bar
 * and the list it drills down to count the same cases.
 */

/** Past its stage's time limit and still open: the list's `overdue` filter and the "overdue by unit" figures. */
export const OVERDUE_SQL = `c.stage NOT IN ('closed', 'withdrawn') AND c.stage_due_at <= now()`;

/** The case's current lead, as the domain counts it (`leadOf`): the `lead` assignment that was not declined. */
export const CURRENT_LEAD_SQL = (a: string) => `${a}->>'role' = 'lead' AND ${a}->>'state' <> 'declined'`;

/** The id of the case's current lead unit, as text, or null when it has none (not dispatched, or its lead declined). */
export const CURRENT_LEAD_ID_SQL = `(SELECT cl->>'organizationId' FROM jsonb_array_elements(c.state->'assignments') cl WHERE ${CURRENT_LEAD_SQL('cl')} LIMIT 1)`;
