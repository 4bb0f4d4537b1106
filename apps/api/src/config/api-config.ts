import { DEFAULT_FEEDBACK_LINK_TTL, isoDuration, parseCidrList, parseMapView, tileUrlProblem, type WebhookPolicy } from '@whistle/domain';
import { passwordProblem, PASSWORD_PROBLEM_MESSAGES } from '@whistle/domain/src/password-policy';
import { isIP } from 'node:net';
import { z } from 'zod';
import { ADDRESS_LOCKOUT } from '../auth/failed-logins';

/** An IPv4/IPv6 address, or one with a `/prefix` (a CIDR block). */
function isAddressOrBlock(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const booleanFlag = z.preprocess((value) => value === 'true' || value === '1', z.boolean());
const cidrList = z
  .string()
  .default('')
  .transform((value, ctx) => {
    try {
      return parseCidrList(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of CIDRs such as 127.0.0.1/32' });
      return z.NEVER;
    }
  });

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url(),
  TEMPORAL_ADDRESS: z.string().min(3),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().optional(),
  WHISTLE_JWT_SECRET: z.string().min(32, 'WHISTLE_JWT_SECRET must be at least 32 characters'),
  WHISTLE_TOKEN_TTL: z.string().default('8h'),
  // Empty means unset (docker compose passes `${VAR:-}` through as an empty string).
  WHISTLE_ADMIN_PASSWORD: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .superRefine((password, context) => {
        const problem = passwordProblem(password, 'admin');
        if (problem) context.addIssue({ code: 'custom', message: `WHISTLE_ADMIN_PASSWORD: ${PASSWORD_PROBLEM_MESSAGES[problem]}` });
      })
      .optional(),
  ),
  /**
   * The reverse proxies (addresses or CIDR blocks, comma-separated) whose X-Forwarded-For is believed. Empty:
   * the API faces clients directly and the connection's address is the client's, whatever headers say.
   */
  WHISTLE_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isAddressOrBlock), 'WHISTLE_TRUSTED_PROXIES: comma-separated IP addresses or CIDR blocks'),
  // Browsers may call the API from these origins (comma-separated); none by default, since the console
  // reaches the API through its own origin's /api proxy.
  WHISTLE_CONSOLE_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  // Rate limits: writes per signed-in user per minute, public requests per address per minute, new cases per
  // community per hour.
  // Failed sign-ins from one address (over all accounts) before it is locked out; an office behind one NAT shares it.
  WHISTLE_LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(ADDRESS_LOCKOUT.freeFailures),
  // 401/403 refusals recorded in the audit trail per address per minute; past it they are counted, not written.
  WHISTLE_AUDIT_REFUSALS_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  WHISTLE_RATE_LIMIT_WRITES: z.coerce.number().int().min(1).default(120),
  WHISTLE_RATE_LIMIT_PUBLIC: z.coerce.number().int().min(1).default(30),
  WHISTLE_CASES_PER_COMMUNITY_HOUR: z.coerce.number().int().min(1).default(30),
  /**
   * How long a request waits on the case engine (an opening to be saved, an action to be applied) before it answers
   * without the result: 202 for an opening still under way, 503 for an action not applied yet. No request hangs.
   */
  WHISTLE_ENGINE_WAIT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  /** How long a resident's feedback link works after the case entered feedback (ISO-8601 duration). */
  WHISTLE_FEEDBACK_LINK_TTL: isoDuration.default(DEFAULT_FEEDBACK_LINK_TTL),
  // Group-robot webhooks: https to public addresses only, unless these allow plain http or some addresses
  // (a local test receiver). The worker applies the same two settings at send time.
  WHISTLE_WEBHOOK_ALLOW_HTTP: booleanFlag,
  WHISTLE_WEBHOOK_ALLOWED_ADDRESSES: cidrList,
  /** Where people open the Temporal UI (`npm start` sets it); the console links a case to its workflow there. Unset: no link. */
  WHISTLE_TEMPORAL_UI_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
  /**
   * The console's map tiles: a tile URL template (`{z}/{x}/{y}`), e.g. a city's own tile server. Unset: the maps show
   * no background, only the cases' markers (they still work: placing, moving, opening).
   */
  WHISTLE_MAP_TILE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .superRefine((value, context) => {
        const problem = tileUrlProblem(value);
        if (problem) context.addIssue({ code: 'custom', message: `WHISTLE_MAP_TILE_URL ${problem}` });
      })
      .optional(),
  ),
  /** The tiles' attribution, shown in the map's corner (an OpenStreetMap-based server asks for its credit there). */
  WHISTLE_MAP_ATTRIBUTION: z.string().max(500).default(''),
  /** Where a map with no case on it opens: `latitude,longitude,zoom` (the street's centre; by default the demo street's, in Qingdao). */
  WHISTLE_MAP_CENTER: z
    .string()
    .default('36.088,120.378,14')
    .transform((value, context) => {
      const view = parseMapView(value);
      if (!view) context.addIssue({ code: 'custom', message: 'WHISTLE_MAP_CENTER must be latitude,longitude,zoom (e.g. 31.2304,121.4737,13)' });
      return view ?? { latitude: 0, longitude: 0, zoom: 2 };
    }),
  // Attachments (apps/api/src/attachments): where their bytes go, how large one may be, how long a link to one works.
  /** The directory for what the API keeps on disk: attachments under `attachments/` when stored locally. */
  WHISTLE_DATA_DIR: z.string().min(1).default('.data'),
  WHISTLE_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  WHISTLE_ATTACHMENT_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  /** `local` (files under the data directory) or `s3` (an S3-compatible bucket: MinIO, or AWS itself). */
  WHISTLE_ATTACHMENT_STORAGE: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['local', 's3']).default('local')),
  WHISTLE_S3_ENDPOINT: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
  WHISTLE_S3_BUCKET: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  WHISTLE_S3_REGION: z.preprocess((value) => (value === '' ? undefined : value), z.string().default('us-east-1')),
  WHISTLE_S3_ACCESS_KEY_ID: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  WHISTLE_S3_SECRET_ACCESS_KEY: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  /** Path-style addresses (`endpoint/bucket/key`), as MinIO wants; `false` for AWS's virtual-hosted style. */
  WHISTLE_S3_FORCE_PATH_STYLE: z.preprocess((value) => (value === undefined || value === '' ? true : value === 'true' || value === '1'), z.boolean()),
});

/** Every variable the API reads, and those it cannot start without (docker-compose.yml is checked against these). */
export const API_ENV = {
  all: Object.keys(schema.shape),
  required: Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name),
};

export type ApiConfig = z.infer<typeof schema>;
export const API_CONFIG = Symbol('API_CONFIG');

/** Reads and checks the environment once at boot; a bad setting stops the API with every problem named. */
export function readApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const result = schema
    .refine((config) => config.WHISTLE_ATTACHMENT_STORAGE !== 's3' || !!config.WHISTLE_S3_BUCKET, {
      path: ['WHISTLE_S3_BUCKET'],
      message: 'needed when WHISTLE_ATTACHMENT_STORAGE is s3',
    })
    .safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`api: bad environment: ${problems}`);
  }
  return result.data;
}

/** Where the API lets admins point a group robot (the worker checks the resolved address again when sending). */
export function webhookPolicy(config: ApiConfig): WebhookPolicy {
  return { allowHttp: config.WHISTLE_WEBHOOK_ALLOW_HTTP, allowedAddresses: config.WHISTLE_WEBHOOK_ALLOWED_ADDRESSES };
}
