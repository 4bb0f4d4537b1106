import { Initial1795307685966 } from './1795307685966-initial';

/** Every migration, oldest first. Generate the next with `npm run migration:generate -- <PascalCaseName>`. */
export const MIGRATIONS = [Initial1795307685966];
