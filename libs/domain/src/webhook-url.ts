import ipaddr from 'ipaddr.js';

/**
 * Where group-robot webhooks may be sent. A robot URL is typed by an admin and fetched by the worker from
 * inside the city's network, so it must not become a way to reach that network (SSRF): only public
 * addresses, over https, unless configuration says otherwise (local tests post to a receiver on loopback).
 */
export interface WebhookPolicy {
  /** Plain http as well as https. */
  allowHttp: boolean;
  /** CIDRs exempt from the public-address rule, e.g. `127.0.0.1/32` for a local test receiver. */
  allowedAddresses: string[];
}

export const STRICT_WEBHOOK_POLICY: WebhookPolicy = { allowHttp: false, allowedAddresses: [] };

/** Hosts that name the machine or a cloud's metadata service without being an address. */
const INTERNAL_HOST = /(^|\.)(localhost|localdomain|internal|local)$|^metadata(\.|$)/i;

/** Parses `WHISTLE_WEBHOOK_ALLOWED_ADDRESSES`-style lists; throws on a malformed CIDR so bad config stops boot. */
export function parseCidrList(value: string | undefined): string[] {
  const cidrs = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const cidr of cidrs) ipaddr.parseCIDR(cidr);
  return cidrs;
}

function isAllowedException(address: ipaddr.IPv4 | ipaddr.IPv6, policy: WebhookPolicy): boolean {
  return policy.allowedAddresses.some((cidr) => {
    const [range, bits] = ipaddr.parseCIDR(cidr);
    return range.kind() === address.kind() && address.match([range, bits] as never);
  });
}

/**
 * Why an address may not be posted to (`loopback`, `private`, `linkLocal`, ...), or null for a public unicast
 * address. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function forbiddenAddress(address: string, policy: WebhookPolicy = STRICT_WEBHOOK_POLICY): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.process(address);
  if (isAllowedException(parsed, policy)) return null;
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

/** What is wrong with a robot URL as typed, or null. The worker checks the resolved address again at send time. */
export function webhookUrlProblem(raw: string, policy: WebhookPolicy = STRICT_WEBHOOK_POLICY): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) {
    return policy.allowHttp ? 'must be an http or https URL' : 'must be an https URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    const reason = forbiddenAddress(host, policy);
    return reason ? `must not point at a ${reason} address` : null;
  }
  if (INTERNAL_HOST.test(host) || !host.includes('.')) return 'must name a public host';
  return null;
}
