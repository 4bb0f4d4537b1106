import type { Role } from '@whistle/domain';

/** The printable monthly report, for those who read the rates (GET /api/metrics/monthly-report). */
export const MONTHLY_REPORT_PATH = '/reports/monthly';

export const readsReports = (roles: readonly Role[]) => roles.includes('leader') || roles.includes('coordinator');
