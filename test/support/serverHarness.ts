import path from 'node:path';
import { afterEach } from 'vitest';
import { ClientSession, type ClientSessionOptions } from '../../src/client';
import {
  createLibraryServer,
  type LibraryServer,
  type LibraryServerOptions,
} from '../../src/server';
import { RawClient, type RawClientOptions } from './rawClient';

/** The bundled songs the server CLI serves by default. */
export const BUNDLED_MUSIC = path.resolve(import.meta.dirname, '../../music');

/** How long a test's teardown may take before it fails instead of hanging the file. */
const TEARDOWN_BOUND_MS = 10_000;

export interface RunningServer {
  server: LibraryServer;
  port: number;
  logLines: string[];
}

/** Starts a server on 127.0.0.1 and a free port, collecting its log lines. */
export async function startTestServer(
  options: Partial<LibraryServerOptions> = {},
): Promise<RunningServer> {
  const logLines: string[] = [];
  const server = await createLibraryServer({
    folder: BUNDLED_MUSIC,
    port: 0,
    log: (line) => logLines.push(line),
    ...options,
  });
  const { port } = await server.listen();
  return { server, port, logLines };
}

export interface TestServers {
  /** Starts a server for this test (startTestServer); it closes after the test. */
  start(options?: Partial<LibraryServerOptions>): Promise<RunningServer>;
  /** The server this test started last; throws if it started none. */
  readonly running: RunningServer;
  /** A raw client of the last server (or of `port`), destroyed after the test. */
  raw(options?: RawClientOptions & { port?: number; host?: string }): Promise<RawClient>;
  /** A real client session with the last server, closed after the test. */
  session(options?: Partial<ClientSessionOptions>): Promise<ClientSession>;
  /** Runs `cleanup` after this test, before its servers close; the last registered goes first. */
  onCleanup(cleanup: () => unknown): void;
}

/**
 * The per-test set-up of the server tests: after each test, its clients and other cleanups go
 * first (newest first, so what came later, e.g. a client, goes before what it used), then every
 * server it started closes (closing twice is harmless), each step within a bound.
 * Call once in a describe block (or at the top of a file).
 */
export function useTestServers(): TestServers {
  let servers: RunningServer[] = [];
  let cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    const [started, pending] = [servers, cleanups];
    [servers, cleanups] = [[], []];
    try {
      await within(TEARDOWN_BOUND_MS, 'cleanups', async () => {
        for (const cleanup of pending.reverse()) await cleanup();
      });
    } finally {
      await within(TEARDOWN_BOUND_MS, 'closing servers', () =>
        Promise.all(started.map((running) => running.server.close())),
      );
    }
  });
  const last = (): RunningServer => {
    const running = servers.at(-1);
    if (!running) throw new Error('this test started no server');
    return running;
  };
  return {
    async start(options = {}) {
      const running = await startTestServer(options);
      servers.push(running);
      return running;
    },
    get running() {
      return last();
    },
    async raw({ port, host = '127.0.0.1', ...options } = {}) {
      const client = await RawClient.connect(port ?? last().port, host, options);
      cleanups.push(() => client.destroy());
      return client;
    },
    async session(options = {}) {
      const session = await ClientSession.connect({
        host: '127.0.0.1',
        port: last().port,
        ...options,
      });
      cleanups.push(() => session.close());
      return session;
    },
    onCleanup: (cleanup) => cleanups.push(cleanup),
  };
}

/** Runs `work`, failing with what hung if it takes longer than `ms`. */
async function within(ms: number, what: string, work: () => Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test teardown: ${what} took over ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work(), bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `condition` holds, polling; rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
