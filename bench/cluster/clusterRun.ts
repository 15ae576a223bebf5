import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  freePorts,
  startHaproxy,
  waitAllUp,
  type RunningHaproxy,
} from '../../test/deploy/haproxyHarness';
import type { LibrarySong } from '../benchLibrary';
import { ServerHandle } from '../serverHandle';
import { now, sleep } from '../timing';
import { clusterConfig } from './clusterConfig';
import { processCpuMs } from '../processCpu';
import { ResumingListener } from './resumingListener';

/** Listeners come from 50 addresses of 127/8, as real ones do: the config caps per address. */
const sourceAddress = (index: number) => `127.0.1.${(index % 50) + 1}`;
const CONNECT_BATCH = 50;

export interface ClusterSetup {
  folder: string;
  /** A temporary folder for HAProxy's config and admin socket. */
  workDir: string;
  song: LibrarySong;
  clients: number;
  windowMs: number;
  /** 0: one replica alone, clients straight to it; N: N replicas behind HAProxy. */
  replicas: number;
  /** Kill one replica (SIGKILL) this far into the window, and measure the resumes. */
  killAtMs?: number;
}

export interface ClusterResult {
  /** The replicas' CPU over the window, per stream, in % of a core. */
  replicaCpuPerStream: number;
  /** HAProxy's CPU over the window, per stream, in % of a core (0 without it). */
  haproxyCpuPerStream: number;
  /** Each listener's least lead over real time (s); at most 0 means it fell behind. */
  leads: number[];
  /** For each cut listener, from the kill to its first resumed bytes (ms); NaN if none came. */
  failoverMs: number[];
}

async function startReplicas(setup: ClusterSetup, count: number): Promise<ServerHandle[]> {
  const caps = { maxConnections: setup.clients + 100, maxConnectionsPerAddress: setup.clients };
  return Promise.all(
    Array.from({ length: count }, () =>
      ServerHandle.start(
        {
          kind: 'tidewave',
          folder: setup.folder,
          pacing: 'default',
          limits: caps,
          proxyFrom: setup.replicas > 0 ? ['127.0.0.1'] : undefined,
        },
        { openFiles: setup.clients + 200 },
      ),
    ),
  );
}

async function startBalancer(setup: ClusterSetup, replicas: ServerHandle[]) {
  const [frontendPort] = await freePorts(1);
  const addresses = {
    frontendPort,
    replicaPorts: replicas.map((replica) => replica.port),
    adminSocket: path.join(setup.workDir, `admin-${frontendPort}.sock`),
  };
  const file = path.join(setup.workDir, `haproxy-${frontendPort}.cfg`);
  await writeFile(file, await clusterConfig(addresses));
  const haproxy = await startHaproxy(file, addresses);
  // Every replica UP (two passed checks), so the spread is leastconn's, not the checks'.
  await waitAllUp(haproxy, replicas.length, 15_000);
  return { haproxy, frontendPort };
}

/** One configuration: replicas (behind HAProxy or alone), `clients` paced listeners. */
export async function runCluster(setup: ClusterSetup): Promise<ClusterResult> {
  const replicas = await startReplicas(setup, Math.max(1, setup.replicas));
  let haproxy: RunningHaproxy | null = null;
  const listeners: ResumingListener[] = [];
  try {
    let port = replicas[0].port;
    if (setup.replicas > 0)
      ({ haproxy, frontendPort: port } = await startBalancer(setup, replicas));
    for (let i = 0; i < setup.clients; i += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, setup.clients - i) }, (_, k) => {
        const listener = new ResumingListener(port, sourceAddress(i + k), setup.song);
        listeners.push(listener);
        return listener.connect();
      });
      await Promise.all(batch);
    }
    const cpu = () => replicas.map((replica) => processCpuMs(replica.pid!));
    const haproxyPid = haproxy?.child.pid;
    const cpuBefore = cpu();
    const haproxyBefore = haproxyPid ? processCpuMs(haproxyPid) : 0;
    const started = now();
    for (const listener of listeners) listener.start();
    let killedAt: number | null = null;
    if (setup.killAtMs !== undefined) {
      await sleep(setup.killAtMs);
      killedAt = now();
      await replicas[0].kill(); // its CPU is left out: only the replicas alive at the end count
      await sleep(Math.max(0, setup.windowMs - setup.killAtMs));
    } else {
      await sleep(setup.windowMs);
    }
    const seconds = (now() - started) / 1000;
    const counted = replicas.map((_, i) => killedAt === null || i > 0);
    const replicaMs = replicas.reduce(
      (sum, replica, i) => (counted[i] ? sum + processCpuMs(replica.pid!) - cpuBefore[i] : sum),
      0,
    );
    const haproxyMs = haproxyPid ? processCpuMs(haproxyPid) - haproxyBefore : 0;
    const perStream = (ms: number) => ms / 10 / seconds / setup.clients;
    return {
      replicaCpuPerStream: perStream(replicaMs),
      haproxyCpuPerStream: perStream(haproxyMs),
      leads: listeners.map((l) =>
        l.playingSince === null ? -seconds : Math.min(l.minLeadSeconds, l.leadNow()),
      ),
      failoverMs: listeners
        .filter((l) => l.cutAt !== null)
        .map((l) => (l.resumedAt === null || killedAt === null ? NaN : l.resumedAt - killedAt)),
    };
  } finally {
    for (const listener of listeners) listener.close();
    await haproxy?.stop();
    await Promise.all(replicas.map((replica) => replica.close()));
  }
}
