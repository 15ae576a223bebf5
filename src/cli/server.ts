import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { LibraryError } from '../library';
import {
  createLibraryServer,
  LibraryReloader,
  readOpenFileLimit,
  ServerStartError,
  type LibraryServer,
} from '../server';
import { AccessCodeFileError, readAccessCodeFile } from './accessCodeFile';
import type { LibraryAnnouncer } from '../discovery';
import { announceServer, defaultLibraryName } from './serverAnnouncement';
import { parseServerArgs } from './serverArgs';
import { reportListeners } from './listenersReport';
import { formatServerBanner } from './serverBanner';

// Two levels below the package root both as src/cli/server.ts and as out/cli/server.js.
const BUNDLED_MUSIC = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'music',
);

function timestamped(line: string): string {
  return `[${new Date().toTimeString().slice(0, 8)}] ${line}`;
}

function stopOnSignals(
  server: LibraryServer,
  announcer: LibraryAnnouncer | null,
  reloader: LibraryReloader | null,
  drainSpreadMs: number,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // A second Ctrl-C means now.
    stopping = true;
    // SIGTERM (systemctl stop, an update) drains: players resume on another replica. Ctrl-C
    // at a terminal means now.
    const drain = signal === 'SIGTERM' && drainSpreadMs > 0;
    const count = server.connectionCount;
    console.log(
      timestamped(
        drain
          ? `${signal}: draining: closing ${count} connection(s) over ${drainSpreadMs / 1000} s`
          : `${signal}: closing ${count} connection(s)`,
      ),
    );
    // The goodbye first, so browsers drop the library at once rather than when it expires.
    const goodbye = announcer?.stop() ?? Promise.resolve();
    const closed = drain ? server.drain(drainSpreadMs) : server.close();
    void Promise.all([goodbye, reloader?.close(), closed]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseServerArgs(argv, BUNDLED_MUSIC);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode; // commander printed why.
    throw error;
  }
  const access = options.accessCodeFile ? await readAccessCodeFile(options.accessCodeFile) : null;
  if (access?.warning) console.error(`warning: ${access.warning}`);
  const server = await createLibraryServer({
    folder: options.folder,
    host: options.host,
    port: options.port,
    pacing: options.pacing ? {} : false,
    limits: options.limits,
    proxyFrom: options.proxyFrom,
    accessCode: access?.code,
    stateDir: options.stateDir,
    log: options.quiet ? undefined : (line) => console.log(timestamped(line)),
  });
  for (const warning of server.library.warnings) console.error(`warning: ${warning}`);
  const { host, port } = await server.listen();
  const announcer = options.announce
    ? announceServer(server, host, port, options.name ?? defaultLibraryName(options.folder), (l) =>
        console.log(timestamped(l)),
      )
    : null;
  const log = options.quiet ? undefined : (line: string) => console.log(timestamped(line));
  // Songs copied in or deleted are served (and announced) without a restart.
  const reloader = options.watch ? new LibraryReloader(server, { log }) : null;
  stopOnSignals(server, announcer, reloader, options.drainSpreadMs);
  reportListeners(server, options.statusSeconds, (line) => console.log(line));
  // The banner only once the signals are ours: a SIGUSR1 sent on reading it would otherwise
  // start Node's inspector instead of printing the table.
  for (const line of formatServerBanner(server.library, host, port, server.hasAccessCode))
    console.log(line);
  if (access) console.log('Access code required: only Tidewave clients that know it can connect.');
  const { maxConnections, maxConnectionsPerAddress, requestTimeoutMs } = server.limits;
  console.log(
    `Limits: ${maxConnections} clients, ${maxConnectionsPerAddress} per address; ` +
      `${requestTimeoutMs / 1000} s to send a request.`,
  );
  // Each client may hold its socket and a song file open.
  const files = readOpenFileLimit();
  if (files !== null && 2 * maxConnections + 64 > files) {
    console.error(
      `warning: ${maxConnections} clients may need ${2 * maxConnections + 64} open files, but ` +
        `the limit is ${files}; raise it (ulimit -n) or lower --max-connections`,
    );
  }
  return -1; // Keep running until a signal.
}

main(process.argv.slice(2)).then(
  (exitCode) => {
    if (exitCode >= 0) process.exit(exitCode);
  },
  (error: unknown) => {
    const known =
      error instanceof LibraryError ||
      error instanceof ServerStartError ||
      error instanceof AccessCodeFileError;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`tidewave-server: ${known ? message : `unexpected error: ${message}`}`);
    process.exit(1);
  },
);
