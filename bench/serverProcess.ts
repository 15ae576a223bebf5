// The server side of the bench, in its own process so its CPU and memory are its own:
// `tsx bench/serverProcess.ts '<ServerSpec JSON>'`, spoken to over IPC (serverMessages.ts).
import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createLibraryServer, type LibraryServer } from '../src/server';
import { createBareServer } from './bareServer';
import { openFileLimit } from './openFileLimit';
import type { ChildMessage, ChildRequest, ProcessUsage, ServerSpec } from './serverMessages';

const BENCH_HOST = '127.0.0.1';
/** What the server logs is counted, not printed: the bench measures how much it says. */
const logged = { lines: 0, bytes: 0 };

function countOpenFiles(): number | null {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

interface RunningServer {
  port: number;
  library: LibraryServer | null;
  connections(): number;
  close(): Promise<void>;
}

async function startServer(spec: ServerSpec): Promise<RunningServer> {
  if (spec.kind === 'tidewave') {
    const library = await createLibraryServer({
      folder: spec.folder,
      host: BENCH_HOST,
      port: 0,
      pacing: spec.pacing === 'off' ? false : {},
      limits: spec.limits,
      proxyFrom: spec.proxyFrom,
      log: (line) => {
        logged.lines += 1;
        logged.bytes += Buffer.byteLength(line) + 1;
      },
    });
    const { port } = await library.listen();
    return {
      port,
      library,
      connections: () => library.connectionCount,
      close: () => library.close(),
    };
  }
  const bare = createBareServer(spec.file);
  await new Promise<void>((resolve) => bare.server.listen(0, BENCH_HOST, resolve));
  return {
    port: (bare.server.address() as AddressInfo).port,
    library: null,
    connections: bare.connections,
    close: bare.close,
  };
}

function usage(server: RunningServer, collectGarbage: boolean, memoryOnly: boolean): ProcessUsage {
  if (collectGarbage) globalThis.gc?.();
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return {
    cpuMicros: cpu.user + cpu.system,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    externalBytes: memory.external,
    connections: server.connections(),
    // Listing /proc/self/fd and walking every connection hold this process's event loop
    // (tens of ms with thousands of clients): a memory sampler asks without them.
    openFiles: memoryOnly ? null : countOpenFiles(),
    logLines: logged.lines,
    logBytes: logged.bytes,
    stats: memoryOnly ? null : (server.library?.stats() ?? null),
  };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '') as ServerSpec;
  const server = await startServer(spec);
  // Without a parent there is nobody to stop us: leave at once.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: ChildRequest) => {
    if (request.command === 'usage') {
      send({
        type: 'usage',
        id: request.id,
        usage: usage(server, request.collectGarbage, request.memoryOnly ?? false),
      });
    } else if (request.command === 'close') {
      void server.close().finally(() => {
        send({ type: 'closed', id: request.id });
        process.disconnect();
      });
    }
  });
  send({ type: 'ready', port: server.port, openFileLimit: openFileLimit() });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
