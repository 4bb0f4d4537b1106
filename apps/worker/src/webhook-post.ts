import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { forbiddenAddress, webhookUrlProblem, type WebhookPolicy } from '@whistle/domain';

/**
 * Why a webhook attempt failed, in words of our own: the robot's reply is never stored, since organizations'
 * users read these and a reply could carry whatever the far side (or an internal service) put in it.
 */
/** Resolves every address of a host name (node's `dns.lookup` with `all`); replaceable in tests. */
export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export class WebhookFailure extends Error {
  /** True when trying again cannot help (the URL or the address it resolves to is refused). */
  constructor(
    message: string,
    readonly final = false,
  ) {
    super(message);
  }
}

/**
 * Resolves the host and refuses to connect when any address it resolves to is not allowed: the check runs on
 * the address actually dialled, so a name that resolved to a public address when saved and to a private
 * one now (DNS rebinding) is still refused.
 */
function guardedLookup(policy: WebhookPolicy, resolveAll: ResolveAll): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map((a) => forbiddenAddress(a.address, policy)).find((reason) => reason !== null);
      if (refused || addresses.length === 0) {
        return callback(new WebhookFailure(`refused: ${hostname} resolves to a ${refused ?? 'missing'} address`, true), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * Posts a JSON body to a robot URL: no redirects followed (a 3xx is a failure), the resolved address checked
 * against the policy, at most `maxReplyBytes` of the reply read. Resolves with the reply text on a 2xx.
 */
export function postWebhook(
  url: string,
  body: unknown,
  policy: WebhookPolicy,
  {
    timeoutMs = 5000,
    maxReplyBytes = 16_384,
    resolveAll = dnsLookup as ResolveAll,
    headers = {},
  }: { timeoutMs?: number; maxReplyBytes?: number; resolveAll?: ResolveAll; headers?: Record<string, string> } = {},
): Promise<string> {
  const problem = webhookUrlProblem(url, policy);
  if (problem) return Promise.reject(new WebhookFailure(`refused: the URL ${problem}`, true));
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        lookup: guardedLookup(policy, resolveAll),
        timeout: timeoutMs,
        // A fresh connection per post, so every post is checked against what the name resolves to now.
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let reply = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          reply += chunk;
          if (reply.length > maxReplyBytes) response.destroy();
        });
        response.on('close', () => {
          if (status >= 200 && status < 300) resolve(reply);
          else reject(new WebhookFailure(`HTTP ${status}`));
        });
      },
    );
    request.on('timeout', () => request.destroy(new WebhookFailure(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) =>
      reject(error instanceof WebhookFailure ? error : new WebhookFailure(`could not connect (${(error as NodeJS.ErrnoException).code ?? 'error'})`)),
    );
    request.end(payload);
  });
}
