import type { DataSource } from 'typeorm';
import type { CaseActivities, PersistCaseInput } from '@whistle/contracts';
import { writeCaseProjection } from '@whistle/persistence';
import { failingPermanentlyOnBadData } from './database-failures';

export interface CaseActivityDeps {
  dataSource: DataSource;
}

/** Binds the case workflow's activities to their dependencies (injected, so tests can pass their own). */
export function createCaseActivities({ dataSource }: CaseActivityDeps): CaseActivities {
  return {
    async persistCase({ state, events }: PersistCaseInput): Promise<void> {
      await failingPermanentlyOnBadData(() => writeCaseProjection(dataSource, state, events));
    },
  };
}
