import { claimDueWebhooks, markWebhookDelivered, markWebhookFailed, type PendingWebhook } from '@whistle/persistence';
import { STRICT_WEBHOOK_POLICY, type WebhookPolicy } from '@whistle/domain';
import type { DataSource } from 'typeorm';
import { postWebhook, WebhookFailure } from './webhook-post';

/** The body WeCom and DingTalk group robots both accept: a plain text message. */
export function robotMessage(message: { zh: string; en: string }) {
  return { msgtype: 'text', text: { content: `${message.zh}\n${message.en}` } };
}

/** Robots answer 200 with `errcode` for their own refusals (bad key, rate limit): those are failures too. */
async function post(webhook: PendingWebhook, policy: WebhookPolicy, timeoutMs: number): Promise<void> {
  // A worker that dies between the post and its record posts the notice again after a restart: the same key on both
  // lets a receiver that keeps keys (the IETF Idempotency-Key header) drop the repeat. Group robots ignore it.
  const reply = await postWebhook(webhook.url, robotMessage(webhook.message), policy, { timeoutMs, headers: { 'idempotency-key': webhook.id } });
  let errcode: unknown;
  try {
    errcode = (JSON.parse(reply) as { errcode?: unknown }).errcode;
  } catch {
    errcode = undefined;
  }
  if (errcode !== undefined && errcode !== 0) throw new WebhookFailure('HTTP 200, refused by the robot');
}

/**
 * Delivers webhook notices from the outbox, outside any workflow: a slow or failing robot delays only its
 * own notices, which are retried with backoff. Several workers can run it at once (rows are claimed).
 */
export function startWebhookDispatcher(dataSource: DataSource, { pollMs = 500, batch = 20, timeoutMs = 5000, policy = STRICT_WEBHOOK_POLICY } = {}) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  // Posted, but the database did not take the record (it went away meanwhile): recorded before anything is claimed
  // again, so a notice the robot already has is not posted twice.
  const postedUnrecorded = new Set<string>();

  const tick = async () => {
    try {
      for (const id of [...postedUnrecorded]) {
        await markWebhookDelivered(dataSource, id);
        postedUnrecorded.delete(id);
      }
      for (const webhook of await claimDueWebhooks(dataSource, batch)) {
        try {
          await post(webhook, policy, timeoutMs);
        } catch (error) {
          // Only our own words: never the far side's reply, nor a library's message that might quote it.
          if (error instanceof WebhookFailure) await markWebhookFailed(dataSource, webhook.id, error.message, { final: error.final });
          else await markWebhookFailed(dataSource, webhook.id, 'failed');
          continue;
        }
        postedUnrecorded.add(webhook.id);
        await markWebhookDelivered(dataSource, webhook.id);
        postedUnrecorded.delete(webhook.id);
      }
    } catch (error) {
      if (!stopped) console.error('webhook dispatcher:', error instanceof Error ? error.message : error);
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), pollMs);
  };
  running = tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
