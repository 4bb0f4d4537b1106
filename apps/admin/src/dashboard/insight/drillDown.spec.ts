import { describe, expect, it } from '@jest/globals';
import { caseListLocation, declinesDrill, overdueDrill, ratesPointDrill, reopensDrill, stageDrill } from './drillDown';

const week = { from: '2026-11-29T16:00:00.000Z', to: '2026-12-06T16:00:00.000Z' };

describe('drill-down filters', () => {
  it('opens a stage, and a unit’s overdue cases or those no unit leads', () => {
    expect(stageDrill('coordination')).toEqual({ stage: 'coordination' });
    expect(overdueDrill('org-1')).toEqual({ overdue: true, leadOrganizationId: 'org-1' });
    expect(overdueDrill(null)).toEqual({ overdue: true, noLead: true });
  });

  it('keeps the ping-pong’s period: declines by the unit, reopens by the lead unit', () => {
    expect(declinesDrill('org-1', week)).toEqual({ declinedBy: 'org-1', createdFrom: week.from, createdTo: week.to });
    expect(reopensDrill('org-1', week)).toEqual({ reopened: true, leadOrganizationId: 'org-1', createdFrom: week.from, createdTo: week.to });
    expect(reopensDrill(null, week)).toEqual({ reopened: true, noLead: true, createdFrom: week.from, createdTo: week.to });
  });

  it('opens a rates point’s period, of its community or with its unit taking part', () => {
    expect(ratesPointDrill({ ...week, groupId: null }, 'overall')).toEqual({ createdFrom: week.from, createdTo: week.to });
    expect(ratesPointDrill({ ...week, groupId: 'c-1' }, 'community')).toEqual({ createdFrom: week.from, createdTo: week.to, communityId: 'c-1' });
    expect(ratesPointDrill({ ...week, groupId: 'u-1' }, 'unit')).toEqual({ createdFrom: week.from, createdTo: week.to, organizationId: 'u-1' });
  });

  it('puts the filter and its shown inputs in the list’s URL', () => {
    const { pathname, search } = caseListLocation({ overdue: true, leadOrganizationId: 'org-1' });
    const params = new URLSearchParams(search);
    expect(pathname).toBe('/cases');
    expect(JSON.parse(params.get('filter')!)).toEqual({ overdue: true, leadOrganizationId: 'org-1' });
    expect(JSON.parse(params.get('displayedFilters')!)).toEqual({ overdue: true, leadOrganizationId: true });
  });
});
