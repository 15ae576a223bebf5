import path from 'node:path';
import {
  createLibraryServer,
  type LibraryServer,
  type LibraryServerOptions,
} from '../../src/server';

/** The bundled songs the server CLI serves by default. */
export const BUNDLED_MUSIC = path.resolve(import.meta.dirname, '../../music');

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

/** Waits until `condition` holds, polling; rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
