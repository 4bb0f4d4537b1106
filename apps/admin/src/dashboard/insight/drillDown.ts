import type { RateGrouping, TimedStage } from '@whistle/domain';

/** A case list filter (the API's GET /api/cases filter keys). */
export type CaseFilter = Record<string, string | boolean>;

/** The period a figure counts cases opened in: a chart's drill-down keeps to it. */
export interface OpenedIn {
  from: string;
  to: string;
}

const openedIn = ({ from, to }: OpenedIn): CaseFilter => ({ createdFrom: from, createdTo: to });

/** Open cases by stage, and the time spent in a stage: the cases in that stage now. */
export const stageDrill = (stage: TimedStage): CaseFilter => ({ stage });

/** Overdue by unit: the overdue cases that unit leads, or (no unit) those no unit leads. */
export const overdueDrill = (organizationId: string | null): CaseFilter =>
  organizationId ? { overdue: true, leadOrganizationId: organizationId } : { overdue: true, noLead: true };

/** A unit's declines: the cases opened in the period that it declined. */
export const declinesDrill = (organizationId: string, period: OpenedIn): CaseFilter => ({ declinedBy: organizationId, ...openedIn(period) });

/** A lead unit's reopens: the reopened cases opened in the period that it leads (or no unit leads). */
export const reopensDrill = (organizationId: string | null, period: OpenedIn): CaseFilter => ({
  reopened: true,
  ...(organizationId ? { leadOrganizationId: organizationId } : { noLead: true }),
  ...openedIn(period),
});

/**
 * A point of the rates over time: the cases opened in its week or month, of its community, or with its unit taking
 * part (a unit's rates count every case it was dispatched to).
 */
export function ratesPointDrill(point: OpenedIn & { groupId: string | null }, by: RateGrouping): CaseFilter {
  const filter = openedIn(point);
  if (by === 'community' && point.groupId) return { ...filter, communityId: point.groupId };
  if (by === 'unit' && point.groupId) return { ...filter, organizationId: point.groupId };
  return filter;
}

/**
 * Where the case list opens with a filter: react-admin reads `filter` from the URL, and `displayedFilters` shows the
 * inputs of the keys the console's filter bar has, so the reader sees what narrowed the list and can clear it.
 */
export function caseListLocation(filter: CaseFilter): { pathname: string; search: string } {
  const displayed = Object.fromEntries(Object.keys(filter).map((key) => [key, true]));
  const search = new URLSearchParams({ filter: JSON.stringify(filter), displayedFilters: JSON.stringify(displayed) });
  return { pathname: '/cases', search: `?${search}` };
}
