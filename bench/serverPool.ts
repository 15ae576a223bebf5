import { ServerHandle } from './serverHandle';
import type { ServerSpec } from './serverMessages';

/**
 * The server processes of a run, stopped at its end. Most are shared: each figure is a difference
 * over a window in which only one of them works, so sharing is fair, and it saves seconds of
 * process start-up per scenario. Fresh ones serve a single measurement of a server's memory.
 * Starting them early, while the first scenario runs, takes start-up off the clock.
 */
export class ServerPool {
  private readonly started = new Map<string, Promise<ServerHandle>>();
  private readonly spareFresh: Array<Promise<ServerHandle>> = [];
  private readonly allFresh: Array<Promise<ServerHandle>> = [];

  /** `openFiles` is fixed at start: the pool starts every server able to hold 1000 clients. */
  constructor(
    private readonly folder: string,
    private readonly bareFile: string,
    private readonly openFiles: number,
  ) {}

  /** The library server with its default pacing, as the app runs it. */
  paced(): Promise<ServerHandle> {
    return this.get({
      kind: 'tidewave',
      folder: this.folder,
      pacing: 'default',
      limits: this.caps,
    });
  }

  /** The library server sending as fast as TCP allows. */
  unpaced(): Promise<ServerHandle> {
    return this.get({ kind: 'tidewave', folder: this.folder, pacing: 'off', limits: this.caps });
  }

  /** Every bench client connects from 127.0.0.1: the caps must fit the biggest fleet. */
  private get caps() {
    return { maxConnections: this.openFiles, maxConnectionsPerAddress: this.openFiles };
  }

  /** The reference sender, piping the long generated song. */
  bare(): Promise<ServerHandle> {
    return this.get({ kind: 'bare', file: this.bareFile });
  }

  /** Starts the shared servers and `freshCount` fresh ones now, without waiting for them. */
  prestart(freshCount: number): void {
    for (const server of [this.paced(), this.unpaced(), this.bare()]) server.catch(() => {});
    for (let i = 0; i < freshCount; i++) this.spareFresh.push(this.startFresh());
  }

  /** A fresh unpaced library server for one measurement only; close it when done. */
  fresh(): Promise<ServerHandle> {
    return this.spareFresh.shift() ?? this.startFresh();
  }

  async closeAll(): Promise<void> {
    const servers = [...this.started.values(), ...this.allFresh];
    this.started.clear();
    this.spareFresh.length = 0;
    this.allFresh.length = 0;
    await Promise.all(servers.map(async (server) => (await server.catch(() => null))?.close()));
  }

  private startFresh(): Promise<ServerHandle> {
    const spec: ServerSpec = {
      kind: 'tidewave',
      folder: this.folder,
      pacing: 'off',
      limits: this.caps,
    };
    const server = ServerHandle.start(spec, { openFiles: this.openFiles });
    server.catch(() => {});
    this.allFresh.push(server);
    return server;
  }

  private get(spec: ServerSpec): Promise<ServerHandle> {
    const key = JSON.stringify(spec);
    let server = this.started.get(key);
    if (!server) {
      server = ServerHandle.start(spec, { openFiles: this.openFiles });
      this.started.set(key, server);
    }
    return server;
  }
}
