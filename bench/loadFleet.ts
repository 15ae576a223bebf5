import { StreamCounter, type StreamSource } from './streamCounter';

const CONNECT_BATCH = 100;

/** Many StreamCounters on one server, connected in batches so the listen backlog never overflows. */
export class LoadFleet {
  private constructor(readonly clients: StreamCounter[]) {}

  static async connect(
    port: number,
    count: number,
    source: StreamSource,
    options: { restart?: boolean; bytesPerSecond?: number },
  ): Promise<LoadFleet> {
    const clients: StreamCounter[] = [];
    try {
      while (clients.length < count) {
        const batch = Math.min(CONNECT_BATCH, count - clients.length);
        const connecting = Array.from({ length: batch }, () =>
          StreamCounter.connect(port, source, options),
        );
        clients.push(...(await Promise.all(connecting)));
      }
    } catch (error) {
      for (const client of clients) client.close();
      throw error;
    }
    return new LoadFleet(clients);
  }

  start(): void {
    for (const client of this.clients) client.start();
  }

  get wireBytes(): number {
    return this.clients.reduce((sum, client) => sum + client.wireBytes, 0);
  }

  close(): void {
    for (const client of this.clients) client.close();
  }
}
