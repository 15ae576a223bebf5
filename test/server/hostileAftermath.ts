import type { LibraryServer, ServerStats } from '../../src/server';
import { holdsSocket, openDescriptors } from '../support/openDescriptors';
import { waitFor } from '../support/serverHarness';

/** The most a connection may queue, and the most request bytes it may hold (PROTOCOL §14.1). */
export interface ConnectionBounds {
  queuedBytes: number;
  heldRequestBytes: number;
}

/** Samples the server's figures every few ms while a script runs; keeps the peaks. */
export function sampleStats(server: LibraryServer): { stop(): ServerStats } {
  const peak: ServerStats = server.stats();
  const sample = () => {
    const now = server.stats();
    peak.queuedBytes = Math.max(peak.queuedBytes, now.queuedBytes);
    peak.heldRequestBytes = Math.max(peak.heldRequestBytes, now.heldRequestBytes);
    peak.peakQueuedBytes = Math.max(peak.peakQueuedBytes, now.peakQueuedBytes);
    peak.connectionCount = Math.max(peak.connectionCount, now.connectionCount);
  };
  const timer = setInterval(sample, 5);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/**
 * Once every connection of a run is gone: the server holds nothing for them (no connection,
 * no queued byte, no request byte, no socket descriptor, no song file open), and while they
 * were there, no connection queued or held more than its bounds. Returns what is wrong.
 */
export async function checkAftermath(
  server: LibraryServer,
  peak: ServerStats,
  bounds: ConnectionBounds,
  hostileSocketInodes: readonly number[],
  songFiles: readonly string[],
): Promise<string[]> {
  const problems: string[] = [];
  // Two connections at most were busy at once (the hostile peer and the listener).
  if (peak.queuedBytes > 2 * bounds.queuedBytes) {
    problems.push(
      `${peak.queuedBytes} reply bytes queued at once (bound ${2 * bounds.queuedBytes})`,
    );
  }
  if (peak.peakQueuedBytes > bounds.queuedBytes) {
    problems.push(
      `a connection queued ${peak.peakQueuedBytes} bytes (bound ${bounds.queuedBytes})`,
    );
  }
  if (peak.heldRequestBytes > bounds.heldRequestBytes) {
    problems.push(`${peak.heldRequestBytes} request bytes held (bound ${bounds.heldRequestBytes})`);
  }
  try {
    await waitFor(() => server.connectionCount === 0, 10_000);
  } catch {
    return [...problems, `${server.connectionCount} connections still open after the run`];
  }
  const after = server.stats();
  if (after.queuedBytes !== 0 || after.heldRequestBytes !== 0 || after.readingPaused !== 0) {
    problems.push(`left behind: ${JSON.stringify(after)}`);
  }
  // A song file closes once its stream has let go of it, a moment after the connection.
  const filesClosed = () => openDescriptors(songFiles).every((count) => count === 0);
  await waitFor(filesClosed, 2_000).catch(() => undefined);
  if (!filesClosed())
    problems.push(`song files still open: ${openDescriptors(songFiles).join(', ')}`);
  for (const inode of hostileSocketInodes) {
    if (holdsSocket(inode)) problems.push(`the server still holds socket inode ${inode}`);
  }
  return problems;
}

/**
 * §14.4: a connection's log lines stay within its budget (a burst, then a refill each second),
 * plus the summaries of what was dropped and its `disconnected` line.
 */
export function checkLogBudget(
  lines: readonly string[],
  prefix: string,
  budget: { burstLines: number; linesPerSecond: number },
  seconds: number,
): string[] {
  const mine = lines.filter((line) => line.startsWith(prefix));
  const summaries = mine.filter((line) => /more log lines suppressed/.test(line)).length;
  const disconnected = mine.filter((line) => line.endsWith(' disconnected')).length;
  const others = mine.length - summaries - disconnected;
  const allowed = budget.burstLines + Math.ceil(seconds * budget.linesPerSecond) + 1;
  const problems: string[] = [];
  if (others > allowed) problems.push(`${others} log lines for one connection (budget ${allowed})`);
  if (summaries > others + 1) problems.push(`${summaries} summaries for ${others} lines`);
  if (disconnected !== 1) problems.push(`${disconnected} "disconnected" lines`);
  return problems;
}
