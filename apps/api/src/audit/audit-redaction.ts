import { createHash } from 'node:crypto';
import { maskPhone } from '@whistle/domain';

/**
 * What the audit trail keeps of personal data and secrets: enough to say what changed, not the thing itself.
 * Pure functions, so the rules are read and tested in one place.
 */

const PHONE_KEY = /phone/i;

/** A copy with every string under a key naming a phone (`phone`, `contactPhone`...) masked, at any depth. */
export function maskPhones(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPhones);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, PHONE_KEY.test(key) && typeof inner === 'string' ? maskPhone(inner) : maskPhones(inner)]),
  );
}

export interface MaskedWebhook {
  /** Scheme, host and port: which service the robot is on. */
  origin: string;
  /** The first 12 hex digits of the URL's sha256: tells two keys apart without revealing either. */
  fingerprint: string;
}

/** A robot webhook URL carries its secret key (in the query or the path): keep only where it points and a fingerprint. */
export function maskWebhook(url: string | null | undefined): MaskedWebhook | null {
  if (!url) return null;
  let origin = 'invalid';
  try {
    origin = new URL(url).origin;
  } catch {
    // Not a URL: only the fingerprint says anything.
  }
  return { origin, fingerprint: createHash('sha256').update(url).digest('hex').slice(0, 12) };
}

/** Definitions past this size are recorded as a digest: the trail is read in lists, not a backup. */
export const MAX_RECORDED_DEFINITION_BYTES = 16 * 1024;

export type RecordedDefinition = Record<string, unknown> | { digest: string; bytes: number };

/** A rule-set definition as the trail keeps it: itself, or its sha256 and size when huge. */
export function recordedDefinition(definition: Record<string, unknown>): RecordedDefinition {
  const json = JSON.stringify(definition);
  const bytes = Buffer.byteLength(json);
  if (bytes <= MAX_RECORDED_DEFINITION_BYTES) return definition;
  return { digest: `sha256:${createHash('sha256').update(json).digest('hex')}`, bytes };
}

/** The keys whose values differ between two flat snapshots (for a one-line summary of a change). */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}
