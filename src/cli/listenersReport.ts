import type { LibraryServer } from '../server';
import { formatListenersTable } from './listenersTable';
import { formatRefusals } from './refusalsTable';

/**
 * Prints the listeners table (and, with an access code, every address refused) on SIGUSR1 (`kill -USR1 PID`) and, with `--status SECONDS`, every
 * so often. The table is read from the server only when printed. Returns a function that stops.
 */
export function reportListeners(
  server: LibraryServer,
  statusSeconds: number | undefined,
  print: (line: string) => void,
): () => void {
  const printTable = () => {
    const now = Date.now();
    const lines = formatListenersTable(server.listeners.list(), now);
    if (server.hasAccessCode) lines.push(...formatRefusals(server.refusals.list(), now));
    for (const line of lines) print(line);
  };
  // A JS listener takes SIGUSR1 over from Node's inspector, which would otherwise start on it.
  process.on('SIGUSR1', printTable);
  const timer =
    statusSeconds === undefined ? null : setInterval(printTable, statusSeconds * 1000).unref();
  return () => {
    process.off('SIGUSR1', printTable);
    if (timer) clearInterval(timer);
  };
}
