import { claimDueWebhooks, markWebhookDelivered, markWebhookFailed, type PendingWebhook } from '@whistle/persistence';
import type { DataSource } from 'typeorm';

/** The body WeCom and DingTalk group robots both accept: a plain text message. */
export function robotMessage(message: { zh: string; en: string }) {
  return { msgtype: 'text', text: { content: `${message.zh}\n${message.en}` } };
}

/** Robots answer 200 with `errcode` for their own refusals (bad key, rate limit): those are failures too. */
async function post(webhook: PendingWebhook, timeoutMs: number): Promise<void> {
  const response = await fetch(webhook.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(robotMessage(webhook.message)),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  const errcode = (() => {
    try {
      return (JSON.parse(text) as { errcode?: number }).errcode;
    } catch {
      return undefined;
    }
  })();
  if (errcode !== undefined && errcode !== 0) throw new Error(`robot refused: ${text.slice(0, 200)}`);
}

/**
 * Delivers webhook notices from the outbox, outside any workflow: a slow or failing robot delays only its
 * own notices, which are retried with backoff. Several workers can run it at once (rows are claimed).
 */
export function startWebhookDispatcher(dataSource: DataSource, { pollMs = 500, batch = 20, timeoutMs = 5000 } = {}) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      for (const webhook of await claimDueWebhooks(dataSource, batch)) {
        try {
          await post(webhook, timeoutMs);
          await markWebhookDelivered(dataSource, webhook.id);
        } catch (error) {
          await markWebhookFailed(dataSource, webhook.id, error instanceof Error ? error.message : String(error));
        }
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
