import { readWorkerConfig, workflowCacheSize } from './config';

const base = { DATABASE_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost:7233' };

describe('the workflow cache', () => {
  it('holds what the memory budget affords beyond the worker itself, never fewer than ten', () => {
    expect(workflowCacheSize(2048)).toBe(3096);
    expect(workflowCacheSize(1024)).toBe(1048);
    expect(workflowCacheSize(100)).toBe(10);
  });

  it('is sized from WHISTLE_WORKER_MEMORY_MB (2 GiB by default), or set outright by WHISTLE_WORKER_CACHE', () => {
    expect(readWorkerConfig(base).maxCachedWorkflows).toBe(3096);
    expect(readWorkerConfig({ ...base, WHISTLE_WORKER_MEMORY_MB: '1024' }).maxCachedWorkflows).toBe(1048);
    expect(readWorkerConfig({ ...base, WHISTLE_WORKER_MEMORY_MB: '1024', WHISTLE_WORKER_CACHE: '50' }).maxCachedWorkflows).toBe(50);
  });

  it('refuses a setting that is not a whole number, at boot', () => {
    expect(() => readWorkerConfig({ ...base, WHISTLE_WORKER_MEMORY_MB: 'lots' })).toThrow(/WHISTLE_WORKER_MEMORY_MB must be a whole number/);
    expect(() => readWorkerConfig({ ...base, WHISTLE_WORKER_CACHE: '-1' })).toThrow(/WHISTLE_WORKER_CACHE must be a whole number/);
  });
});
