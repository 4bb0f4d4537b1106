import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/**
 * Serves the console the suites use (the build the global setup made) in front of another API, for a suite with an
 * API of its own. The launch scripts are plain ESM, so a child Node runs scripts/lib/admin.mjs and prints its address;
 * stopping it stops its Vite.
 */
export function startConsoleFor(apiUrl: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const script = `import { startAdmin } from ${JSON.stringify(path.join(root, 'scripts/lib/admin.mjs'))};
    const admin = await startAdmin({ root: ${JSON.stringify(root)}, apiUrl: ${JSON.stringify(apiUrl)}, port: ${port}, flavour: 'development', quiet: true });
    process.on('SIGTERM', async () => { await admin.stop(); process.exit(0); });
    console.log('console at ' + admin.url);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the console did not start: ${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /console at (\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the console exited with ${code}: ${output}`));
    });
  });
}
