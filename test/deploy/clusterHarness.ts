import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLibraryServer, type LibraryServer, type PacingOptions } from '../../src/server';
import { freePorts, startHaproxy, writeTestConfig, type RunningHaproxy } from './haproxyHarness';

export interface ClusterReplica {
  server: LibraryServer;
  /** Clients this replica logged as connected (`ADDRESS:PORT`), as PROXY headers named them. */
  clients: string[];
}

export interface Cluster {
  frontendPort: number;
  replicas: ClusterReplica[];
  haproxy: RunningHaproxy;
  stop(): Promise<void>;
}

/**
 * Three replicas of `library` on loopback behind HAProxy with the shipped config (test
 * addresses swapped in), each accepting PROXY v2 from 127.0.0.1. `stop()` ends everything.
 */
export async function startCluster(library: string, pacing: PacingOptions): Promise<Cluster> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'tidewave-cluster-test-'));
  const replicas: ClusterReplica[] = [];
  let haproxy: RunningHaproxy | undefined;
  const stop = async () => {
    await haproxy?.stop();
    await Promise.all(replicas.map((replica) => replica.server.close()));
    await rm(folder, { recursive: true, force: true });
  };
  try {
    const ports = await freePorts(4);
    for (const port of ports.slice(1)) {
      const clients: string[] = [];
      const server = await createLibraryServer({
        folder: library,
        port,
        pacing,
        proxyFrom: ['127.0.0.1'],
        log: (line) => {
          const match = /^client (\S+) connected$/.exec(line);
          if (match) clients.push(match[1]);
        },
      });
      replicas.push({ server, clients });
      await server.listen();
    }
    const addresses = {
      frontendPort: ports[0],
      replicaPorts: ports.slice(1),
      adminSocket: path.join(folder, 'admin.sock'),
    };
    const config = path.join(folder, 'haproxy.cfg');
    await writeTestConfig(config, addresses);
    haproxy = await startHaproxy(config, addresses);
    return { frontendPort: ports[0], replicas, haproxy, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
