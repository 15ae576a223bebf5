import { drainSchedule } from './drainPlan';

export interface DrainableConnection {
  readonly streaming: boolean;
  readonly closed: Promise<void>;
  closeBetweenPackets(): void;
}

/**
 * Closes `connections` on the drain schedule (drainPlan.ts) once `stopListening` has been
 * called; resolves when the listener and every connection are closed. Connections accepted
 * meanwhile are the caller's to refuse.
 */
export async function drainConnections(
  stopListening: () => Promise<void>,
  connections: readonly DrainableConnection[],
  spreadMs: number,
): Promise<void> {
  const delays = drainSchedule(connections, spreadMs);
  const stopped = stopListening();
  const timers = connections.map((connection, index) =>
    setTimeout(() => connection.closeBetweenPackets(), delays[index]),
  );
  try {
    await Promise.all([stopped, ...connections.map((connection) => connection.closed)]);
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}
