import { ServerHandle } from './serverHandle';
import type { ServerSpec } from './serverMessages';

/** Server children started on first use and shared until the end of the run. */
export class ServerPool {
  private readonly started = new Map<string, Promise<ServerHandle>>();

  get(spec: ServerSpec): Promise<ServerHandle> {
    const key = JSON.stringify(spec);
    let server = this.started.get(key);
    if (!server) {
      server = ServerHandle.start(spec);
      this.started.set(key, server);
    }
    return server;
  }

  async closeAll(): Promise<void> {
    const servers = [...this.started.values()];
    this.started.clear();
    await Promise.all(servers.map(async (server) => (await server.catch(() => null))?.close()));
  }
}
