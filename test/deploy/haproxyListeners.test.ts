import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryServer, type LibraryServer } from '../../src/server';
import { RawClient } from '../support/rawClient';
import { BUNDLED_MUSIC, waitFor } from '../support/serverHarness';
import {
  freePorts,
  HAPROXY,
  haproxyInstalled,
  startHaproxy,
  writeTestConfig,
  type RunningHaproxy,
} from './haproxyHarness';

// 127.0.0.9 plays a friend's computer; HAProxy connects to the replicas from 127.0.0.1.
const LISTENER_ADDRESS = '127.0.0.9';
const reason = haproxyInstalled()
  ? ''
  : ` (SKIPPED: ${HAPROXY} is not installed; apt-get install haproxy)`;

describe.skipIf(!haproxyInstalled())(`listeners behind HAProxy${reason}`, () => {
  let folder = '';
  let replicas: LibraryServer[] = [];
  let haproxy: RunningHaproxy | undefined;
  let frontendPort = 0;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'tidewave-listeners-haproxy-'));
    const ports = await freePorts(4);
    frontendPort = ports[0];
    replicas = [];
    for (const port of ports.slice(1)) {
      const server = await createLibraryServer({
        folder: BUNDLED_MUSIC,
        port,
        proxyFrom: ['127.0.0.1'],
      });
      await server.listen();
      replicas.push(server);
    }
    const addresses = {
      frontendPort,
      replicaPorts: ports.slice(1),
      adminSocket: path.join(folder, 'admin.sock'),
    };
    const config = path.join(folder, 'haproxy.cfg');
    await writeTestConfig(config, addresses);
    haproxy = await startHaproxy(config, addresses);
  }, 30_000);

  afterAll(async () => {
    await haproxy?.stop();
    await Promise.all(replicas.map((replica) => replica.close()));
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("lists the listener's own address and port, not the balancer's, and no health checks", async () => {
    const client = await RawClient.connect(frontendPort, '127.0.0.1', {
      localAddress: LISTENER_ADDRESS,
    });
    try {
      client.send('hello<NEXT;>Friend<NEXT;><END;>play<NEXT;>0<NEXT;><END;>');
      await client.playBytesAtLeast(1_000);
      const rows = () => replicas.flatMap((replica) => replica.listeners.list());
      await waitFor(() => rows().some((row) => row.name === 'Friend'));
      // Health checks come every 2 s to each replica; none is ever a listener.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(rows()).toEqual([
        expect.objectContaining({
          address: LISTENER_ADDRESS,
          port: client.socket.localPort,
          name: 'Friend',
          songId: 0,
        }),
      ]);
    } finally {
      client.destroy();
    }
  });
});
