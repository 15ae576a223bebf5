import type { LibrarySong } from './benchLibrary';
import { LoadFleet } from './loadFleet';
import { metricRow, type MetricRow } from './metricRow';
import { processCpuMs } from './processCpu';
import type { ServerHandle } from './serverHandle';
import { now, sleep } from './timing';

/** Waits until the server holds `count` clients: all of a round's, or none after it. */
export async function untilConnections(server: ServerHandle, count: number): Promise<void> {
  const deadline = now() + 10_000;
  while ((await server.usage()).connections !== count && now() < deadline) await sleep(50);
}

/** Waits until every client of `fleet` plays (has its first 0.25 s), or `windowMs` after `started`. */
export async function untilAllPlaying(
  fleet: LoadFleet,
  started: number,
  windowMs: number,
): Promise<void> {
  while (
    fleet.clients.some((client) => client.playingSince === null) &&
    now() < started + windowMs
  ) {
    await sleep(20);
  }
}

/**
 * The server's CPU time so far in ms: from the kernel's accounting (/proc) where there is one,
 * so that reading it waits for nothing in the server; else asked over IPC, which waits for the
 * server's loop (busy with a thousand bursts once the first audios are out).
 */
export async function serverCpuMs(server: ServerHandle): Promise<number> {
  try {
    if (server.pid !== undefined) return processCpuMs(server.pid);
  } catch {
    // No /proc here: ask the server.
  }
  return (await server.usage()).cpuMicros / 1000;
}

/** Many clients asking at once: each one's wait for its first audio, and the server's CPU till the last. */
export interface FirstAudios {
  startMs: number[];
  /** Server CPU from the requests to the last first audio (or the window's end), in ms. */
  cpuToLastMs: number;
}

/**
 * The floors for `count` first audios at once, in the same run: the same clients each ask the
 * bare server for the file's first 64 KiB (`bareHead`: open, read, write, close per request),
 * or for as many bytes from memory (`bareMemoryHead`: the clients, loopback and socket writes).
 */
export async function bareFirstAudioRound(
  server: ServerHandle,
  song: LibrarySong,
  count: number,
  kind: 'bareHead' | 'bareMemoryHead',
): Promise<FirstAudios> {
  const fleet = await LoadFleet.connect(
    server.port,
    count,
    { kind },
    { bytesPerSecond: song.bytesPerSecond },
  );
  await untilConnections(server, count);
  try {
    const cpuBefore = await serverCpuMs(server);
    const started = now();
    fleet.start();
    await untilAllPlaying(fleet, started, 4000);
    const cpuToLastMs = (await serverCpuMs(server)) - cpuBefore;
    const startMs = fleet.clients.map((client) => (client.playingSince ?? now()) - started);
    return { startMs, cpuToLastMs };
  } finally {
    fleet.close();
    await untilConnections(server, 0);
  }
}

const lastOf = (round: FirstAudios) => Math.max(...round.startMs);

/**
 * What the measuring side costs and what the server adds to it (docs/PERFORMANCE.md, "Session 5:
 * a thousand first audios"): the bare floor from memory against the bare floor from the file, and
 * the server's CPU up to the last first audio against the bare server's for the file's head.
 */
export function firstAudioFloorRows(
  scenario: string,
  clients: string,
  ours: FirstAudios[],
  bare: FirstAudios[],
  memory: FirstAudios[],
): MetricRow[] {
  return [
    metricRow(
      scenario,
      `${clients}, bare from memory: the last listener's first 0.25 s`,
      'ms',
      memory.map(lastOf),
      {
        reference: {
          label: 'bare: first 64 KiB of the file, same clients',
          values: bare.map(lastOf),
        },
        note: "the measuring side's floor: no file, the same clients and bytes",
      },
    ),
    metricRow(
      scenario,
      `${clients}, paced: server CPU until the last first audio`,
      'CPU ms',
      ours.map((round) => round.cpuToLastMs),
      {
        reference: {
          label: 'bare: first 64 KiB of the file, same clients',
          values: bare.map((round) => round.cpuToLastMs),
        },
        note: 'less load-bound than wall time; includes bursts of streams already started',
      },
    ),
  ];
}
