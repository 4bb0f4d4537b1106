import { httpClient } from '../../dataProvider';

/** One running time limit of a case, now and under the newer version (the domain's `ClockShift`). */
export interface ClockShift {
  clockId: string;
  kind: 'stage' | 'assignment' | 'task';
  subject: { stage?: string; organizationId?: string; name?: string };
  startedAt: string;
  fromDueAt: string | null;
  toDueAt: string | null;
}

export interface PreviewCase {
  id: string;
  code: string;
  stage: string;
  communityName: string | null;
  version: number;
  clocks: ClockShift[];
}

export interface MigrationPreview {
  targetVersion: number;
  total: number;
  cases: PreviewCase[];
}

export interface MigrationBatch {
  id: string;
  status: 'running' | 'finished';
  total: number;
  done: number;
  failed: number;
  skipped: number;
  items: {
    caseId: string;
    code: string;
    status: 'pending' | 'done' | 'failed' | 'skipped';
    reason?: string;
    /** Once moved: each running limit before and after. */
    clocks?: Omit<ClockShift, 'startedAt'>[];
  }[];
}

/** Which cases: any of these stages and communities, or exactly these cases. */
export interface MigrationFilter {
  stages?: string[];
  communityIds?: string[];
  caseIds?: string[];
}

const base = (ruleSetId: string) => `/api/rule-sets/${encodeURIComponent(ruleSetId)}/migrations`;

export async function previewMigration(ruleSetId: string, filter: MigrationFilter): Promise<MigrationPreview> {
  const { json } = await httpClient(`${base(ruleSetId)}/preview`, { method: 'POST', body: JSON.stringify(filter) });
  return json as MigrationPreview;
}

export async function startMigration(ruleSetId: string, filter: MigrationFilter): Promise<MigrationBatch> {
  const { json } = await httpClient(base(ruleSetId), { method: 'POST', body: JSON.stringify(filter) });
  return json as MigrationBatch;
}

export async function getMigration(ruleSetId: string, batchId: string): Promise<MigrationBatch> {
  const { json } = await httpClient(`${base(ruleSetId)}/${encodeURIComponent(batchId)}`);
  return json as MigrationBatch;
}
