export * from './entities';
export * from './data-source';
export * from './case-projection';
export { MIGRATIONS } from './migrations';
// The dispatcher's side of the outbox; enqueueing happens inside writeCaseProjection.
export { claimDueWebhooks, markWebhookDelivered, markWebhookFailed, MAX_WEBHOOK_ATTEMPTS, type PendingWebhook } from './notification-outbox';
export * from './audit-log';
