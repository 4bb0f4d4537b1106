import { Initial1795307685966 } from './1795307685966-initial';
import { RuleSetsAndNotifications1795308905399 } from './1795308905399-rule-sets-and-notifications';
import { NotificationReadsPerUser1795310683482 } from './1795310683482-notification-reads-per-user';
import { AuditTrail1796030048353 } from './1796030048353-audit-trail';
import { CaseStreetAndNotificationScope1796030423492 } from './1796030423492-case-street-and-notification-scope';
import { UserLifecycle1796040000000 } from './1796040000000-user-lifecycle';
import { AddSavedViews1796044297295 } from './1796044297295-add-saved-views';
import { CategoryDirectory1796061732764 } from './1796061732764-category-directory';
import { RuleSetMigrations1796062934808 } from './1796062934808-rule-set-migrations';
import { CategoryNamesUnique1796072771055 } from './1796072771055-category-names-unique';
import { CaseListIndex1796080000000 } from './1796080000000-case-list-index';
import { CommunityHourlyCapIndex1796090000000 } from './1796090000000-community-hourly-cap-index';
import { Attachments1796100000000 } from './1796100000000-attachments';
import { Places1796110000000 } from './1796110000000-places';

/** Every migration, oldest first. Generate the next with `npm run migration:generate -- <PascalCaseName>`. */
export const MIGRATIONS = [
  Initial1795307685966,
  RuleSetsAndNotifications1795308905399,
  NotificationReadsPerUser1795310683482,
  AuditTrail1796030048353,
  CaseStreetAndNotificationScope1796030423492,
  UserLifecycle1796040000000,
  AddSavedViews1796044297295,
  CategoryDirectory1796061732764,
  RuleSetMigrations1796062934808,
  CategoryNamesUnique1796072771055,
  CaseListIndex1796080000000,
  CommunityHourlyCapIndex1796090000000,
  Attachments1796100000000,
  Places1796110000000,
];
