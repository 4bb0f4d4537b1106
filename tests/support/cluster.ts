// The stack's topology as tests/support/global-setup.mjs hands it over: one API per Temporal frontend (one of each on
// the dev server and the single real server, one per node in the cluster mode), and the membership one frontend sees.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const list = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through jest (tests/support/global-setup.mjs)`);
  return value.split(',');
};

export const apiUrls = () => list('WHISTLE_API_URLS');
export const temporalAddresses = () => list('WHISTLE_TEMPORAL_ADDRESSES');

export interface ClusterView {
  serverVersion: string;
  historyShardCount: number;
  currentHost: string;
  rings: Record<string, string[]>;
}

const MODULE = path.join(__dirname, '..', '..', 'scripts', 'lib', 'temporal-membership.mjs');

/** DescribeCluster on one frontend, through scripts/lib/temporal-membership.mjs (plain ESM, so in a child Node). */
export async function describeCluster(address: string): Promise<ClusterView> {
  const script = `import { describeCluster } from ${JSON.stringify(MODULE)}; process.stdout.write(JSON.stringify(await describeCluster(process.argv[1])));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, address], { encoding: 'utf8' });
  return JSON.parse(stdout);
}
