export * from './entities';
export * from './data-source';
export * from './case-projection';
export { MIGRATIONS } from './migrations';
export * from './outbox';
export * from './audit-log';
