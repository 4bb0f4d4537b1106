import { randomBytes } from 'node:crypto';
import { startConsoleFor } from '../support/console';
import { freePortSync } from '../support/ports';
import { startAppProcess, type AppProcess } from '../support/processes';
import { browserSession } from './pages/browser';
import { EngineStatusBanner } from './pages/EngineStatusBanner';
import { LoginPage } from './pages/LoginPage';

/**
 * People are told when cases cannot move. A console in front of an API whose task queue no worker polls warns on
 * every page, naming the missing worker, and stops warning once a worker polls; the suites' own console, whose
 * stack has its worker, shows no warning.
 */
describe('the console says when cases cannot move', () => {
  const session = browserSession();
  const queue = `engine-status-${randomBytes(4).toString('hex')}`;
  const apiPort = freePortSync();
  const env = { TEMPORAL_TASK_QUEUE: queue, PORT: String(apiPort), WORKER_LOG_LEVEL: 'ERROR' };
  let api: AppProcess;
  let worker: AppProcess | undefined;
  let lonelyConsole: { url: string; stop(): Promise<void> };

  beforeAll(async () => {
    api = await startAppProcess('api', env);
    lonelyConsole = await startConsoleFor(`http://127.0.0.1:${apiPort}`, freePortSync());
  }, 180_000);
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop(), lonelyConsole?.stop()]);
  });

  it('warns that no worker processes cases, and stops warning when one polls', async () => {
    const { page } = session;
    await new LoginPage(page, () => lonelyConsole.url).signInAfresh('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
    const status = new EngineStatusBanner(page);
    await status.banner().waitFor();
    await expect(status.banner().textContent()).resolves.toContain('没有处理案件的工作进程');

    worker = await startAppProcess('worker', env);
    // The console asks every 15 s; a worker's first poll reaches Temporal at once.
    await status.banner().waitFor({ state: 'detached', timeout: 60_000 });
  }, 150_000);

  it('shows no warning where the engine runs', async () => {
    const { page } = session;
    const status = new EngineStatusBanner(page);
    const answered = status.nextHealthAnswer();
    await new LoginPage(page).signInAsAdmin();
    await answered;
    await page.getByTestId('dashboard').waitFor();
    await expect(status.banner().count()).resolves.toBe(0);
  }, 60_000);
});
