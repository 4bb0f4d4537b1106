import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A local secret: from the environment when set, else generated once and kept in .data (mode 600) so the
 * next `npm start` prints the same password. Never a fixed default.
 */
export function localSecret(dataDir, name, envName, bytes = 12) {
  if (process.env[envName]) return { value: process.env[envName], source: envName };
  const file = path.join(dataDir, name);
  if (existsSync(file)) return { value: readFileSync(file, 'utf8').trim(), source: file };
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(bytes).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { value, source: `${file} (generated)` };
}
