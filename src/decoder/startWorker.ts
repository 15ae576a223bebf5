import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker_threads entry. A built .js entry starts directly; a .ts entry (tests, tsx) goes
 * through a small bootstrap that registers tsx's loader first, because on Node 20 a worker's
 * `execArgv: ['--import', 'tsx']` hooks do not apply to the worker's own entry file.
 */
export function startWorker(entry: string | URL): Worker {
  const url = entry instanceof URL ? entry : pathToFileURL(entry);
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const bootstrap = join(dirname(fileURLToPath(import.meta.url)), 'tsWorkerBootstrap.mjs');
  return new Worker(bootstrap, { workerData: { tsEntry: url.href } });
}
