// The fault run's clients: a steady stream of whistles and actions, each with its own Idempotency-Key, retried
// with the same key until the API answers for good, as a real client does. Every command goes in the ledger.
import { setTimeout as sleep } from 'node:timers/promises';

/** 2xx but not 202 (the engine still at it): the API acknowledged the command. 4xx: it refused it. */
export function answerKind(status) {
  if (status >= 200 && status < 300 && status !== 202) return 'acked';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'refused';
  return 'retry';
}

/**
 * Sends one command until it is acknowledged or refused, or `giveUpAt` passes (then `unanswered`). Network errors,
 * 5xx, 202 and 429 are retried with the same key after a pause that grows from 0.5 s to 4 s. Each answer's status
 * is counted in `statuses` ("network" for no answer at all).
 */
export async function sendUntilAnswered(apiUrl, command, { giveUpAt, statuses }) {
  const started = Date.now();
  let attempts = 0;
  let pause = 500;
  for (;;) {
    attempts++;
    let status = 'network';
    let body = null;
    try {
      const response = await fetch(`${apiUrl}/api${command.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${command.token}`, 'idempotency-key': command.key },
        body: JSON.stringify(command.body),
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      body = await response.json().catch(() => null);
    } catch {
      // No answer (the API is down or restarting): the same key again.
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
    const kind = status === 'network' ? 'retry' : answerKind(status);
    if (kind !== 'retry') return { outcome: kind, status, body, attempts, sentAt: started, answeredAt: Date.now() };
    if (Date.now() > giveUpAt) return { outcome: 'unanswered', status, body, attempts, sentAt: started, answeredAt: null };
    await sleep(pause);
    pause = Math.min(4_000, pause * 2);
  }
}

/**
 * Runs `clients` loops until `isStopping()`: each opens a case, dispatches it, comments on it twice and sends one
 * comment the API must refuse (an unknown field), so the run also proves a refused command changes nothing.
 * Returns the ledger and the counted statuses.
 */
export async function runLoad({ apiUrl, tokens, org, clients, isStopping, giveUpAfterMs }) {
  const ledger = [];
  const statuses = {};
  let sequence = 0;
  const send = async (entry) => {
    const result = await sendUntilAnswered(apiUrl, entry, { giveUpAt: Date.now() + giveUpAfterMs, statuses });
    const recorded = { id: entry.key, kind: entry.kind, caseId: entry.caseId ?? result.body?.id ?? null, text: entry.text, ...result };
    delete recorded.body;
    ledger.push(recorded);
    return { ...recorded, body: result.body };
  };
  const loop = async (client) => {
    while (!isStopping()) {
      const n = ++sequence;
      const key = (what) => `fault-${client}-${n}-${what}`;
      const opened = await send({
        kind: 'open',
        key: key('open'),
        token: tokens.coordinator,
        path: '/cases',
        body: {
          title: `Fault run case ${n}`,
          description: 'Opened while processes were being killed',
          category: 'other',
          communityId: org.community,
          reporter: { name: 'Fault run', phone: '13800138000' },
          channel: 'hotline',
        },
      });
      if (opened.outcome !== 'acked') continue;
      const caseId = opened.body.id;
      const act = (what, body, text) =>
        send({ kind: what, key: key(what), caseId, text, token: tokens.coordinator, path: `/cases/${caseId}/actions`, body });
      const dispatched = await act('dispatch', { type: 'dispatch', leadOrganizationId: org.department });
      if (dispatched.outcome !== 'acked') continue;
      for (const which of ['comment-1', 'comment-2']) {
        const text = `fault run ${key(which)}`;
        await act(which, { type: 'comment', text }, text);
      }
      const refusedText = `fault run ${key('refused')}`;
      await act('refused', { type: 'comment', text: refusedText, unknownField: true }, refusedText);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
  return { ledger, statuses };
}
