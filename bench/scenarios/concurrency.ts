import {
  bareFirstAudioRound,
  firstAudioFloorRows,
  serverCpuMs,
  untilAllPlaying,
  untilConnections,
  type FirstAudios,
} from '../firstAudioStorm';
import { LoadFleet } from '../loadFleet';
import { MemorySampler } from '../memorySampler';
import { metricRow, type MetricRow } from '../metricRow';
import { openFileLimit } from '../openFileLimit';
import type { BenchContext, Scenario } from '../scenario';
import type { LibrarySong } from '../benchLibrary';
import type { ServerHandle } from '../serverHandle';
import type { StreamSource } from '../streamCounter';
import { now, sleep } from '../timing';

const MB = 1024 * 1024;
const SCENARIO = 'concurrency';
/** Levels with the measuring side's floor and the CPU up to the last first audio (firstAudioStorm.ts). */
const FLOOR_ROWS_FROM = 1000;

interface Settings {
  levels: number[];
  /** Levels measured with paced streams only (quick mode's 1,000 listeners asking at once). */
  pacedOnlyLevels: number[];
  rounds: number;
  warmUpMs: number;
  fullSpeedWindowMs: number;
  pacedWindowMs: number;
}

interface FullSpeed {
  mbPerSecond: number;
  cpuMsPerMb: number;
  peakRssMb: number;
}

/** `count` clients take songs as fast as they can; throughput and server CPU over a window. */
async function fullSpeedRound(
  server: ServerHandle,
  source: StreamSource,
  count: number,
  settings: Settings,
): Promise<FullSpeed> {
  await server.usage(true); // start each round from a collected heap
  const fleet = await LoadFleet.connect(server.port, count, source, { restart: true });
  await untilConnections(server, count);
  const sampler = new MemorySampler(server);
  try {
    fleet.start();
    await sleep(settings.warmUpMs);
    sampler.start(250);
    const cpuBefore = (await server.usage()).cpuMicros;
    const bytesBefore = fleet.wireBytes;
    const started = now();
    await sleep(settings.fullSpeedWindowMs);
    const mb = (fleet.wireBytes - bytesBefore) / MB;
    const seconds = (now() - started) / 1000;
    const cpuMs = ((await server.usage()).cpuMicros - cpuBefore) / 1000;
    return {
      mbPerSecond: mb / seconds,
      cpuMsPerMb: cpuMs / mb,
      peakRssMb: (await sampler.stop()) / MB,
    };
  } finally {
    await sampler.stop();
    fleet.close();
    await untilConnections(server, 0);
  }
}

interface Paced {
  cpuPercentPerStream: number;
  /** Server CPU over the MB the streams were sent: streams that fell behind do not lower it. */
  cpuMsPerMb: number;
  peakRssMb: number;
  /** Each stream's least lead over real-time playback, in seconds. */
  leads: number[];
  /** Each stream's wait for its first 0.25 s of audio, all having asked at once, in ms. */
  startMs: number[];
  /** Server CPU from the requests to the last first audio, in ms. */
  cpuToLastMs: number;
}

/** `count` players of a 320 kbit/s song with the server's default pacing. */
async function pacedRound(
  server: ServerHandle,
  song: LibrarySong,
  count: number,
  settings: Settings,
): Promise<Paced> {
  const source = { kind: 'tidewave', songId: song.id } as const;
  const windowMs = settings.pacedOnlyLevels.includes(count)
    ? Math.max(settings.pacedWindowMs, 4000)
    : settings.pacedWindowMs;
  const fleet = await LoadFleet.connect(server.port, count, source, {
    bytesPerSecond: song.bytesPerSecond,
  });
  // Every client accepted before any asks: the round measures streaming, not the accept queue.
  await untilConnections(server, count);
  const sampler = new MemorySampler(server);
  try {
    // CPU and memory only: the open-file count and the stats walk over every connection came
    // after the CPU reading, inside the window, and are the bench's cost, not the streams'.
    const cpuBefore = (await server.usage(true, true)).cpuMicros;
    sampler.start(500);
    const cpuToLastBefore = await serverCpuMs(server);
    const bytesBefore = fleet.wireBytes;
    const started = now();
    fleet.start();
    await untilAllPlaying(fleet, started, windowMs);
    const cpuToLastMs = (await serverCpuMs(server)) - cpuToLastBefore;
    await sleep(Math.max(0, started + windowMs - now()));
    const seconds = (now() - started) / 1000;
    const cpuMs = ((await server.usage(false, true)).cpuMicros - cpuBefore) / 1000;
    const leads = fleet.clients.map((client) =>
      client.playingSince === null ? -seconds : Math.min(client.minLeadSeconds, client.leadNow()),
    );
    const startMs = fleet.clients.map((client) =>
      client.playingSince === null ? seconds * 1000 : client.playingSince - started,
    );
    const cpuPercentPerStream = cpuMs / 10 / seconds / count;
    const cpuMsPerMb = cpuMs / ((fleet.wireBytes - bytesBefore) / MB);
    const peakRssMb = (await sampler.stop()) / MB;
    return { cpuPercentPerStream, cpuMsPerMb, peakRssMb, leads, startMs, cpuToLastMs };
  } finally {
    await sampler.stop();
    fleet.close();
    await untilConnections(server, 0);
  }
}

interface Servers {
  fast: ServerHandle;
  bare: ServerHandle;
  paced: ServerHandle;
}

async function measureLevel(
  servers: Servers,
  count: number,
  song: LibrarySong,
  settings: Settings,
  progress: (line: string) => void,
): Promise<MetricRow[]> {
  const ours: FullSpeed[] = [];
  const reference: FullSpeed[] = [];
  const pacedRounds: Paced[] = [];
  const bareStarts: FirstAudios[] = [];
  const memoryStarts: FirstAudios[] = [];
  const pacedOnly = settings.pacedOnlyLevels.includes(count);
  for (let round = 0; round < settings.rounds; round++) {
    progress(`${count} clients, round ${round + 1}/${settings.rounds}`);
    const ourSource = { kind: 'tidewave', songId: song.id } as const;
    if (!pacedOnly) {
      ours.push(await fullSpeedRound(servers.fast, ourSource, count, settings));
      reference.push(await fullSpeedRound(servers.bare, { kind: 'bare' }, count, settings));
    }
    pacedRounds.push(await pacedRound(servers.paced, song, count, settings));
    bareStarts.push(await bareFirstAudioRound(servers.bare, song, count, 'bareHead'));
    if (count >= FLOOR_ROWS_FROM) {
      memoryStarts.push(await bareFirstAudioRound(servers.bare, song, count, 'bareMemoryHead'));
    }
  }
  const clients = `${count} client${count === 1 ? '' : 's'}`;
  const paced = pacedRows(
    clients,
    pacedRounds,
    bareStarts.map((round) => round.startMs),
  );
  if (count >= FLOOR_ROWS_FROM) {
    paced.push(...firstAudioFloorRows(SCENARIO, clients, pacedRounds, bareStarts, memoryStarts));
  }
  return pacedOnly ? paced : [...fullSpeedRows(clients, ours, reference), ...paced];
}

function fullSpeedRows(clients: string, ours: FullSpeed[], reference: FullSpeed[]): MetricRow[] {
  const label = 'bare pipe, same clients';
  return [
    metricRow(
      SCENARIO,
      `${clients}, full speed: total`,
      'MB/s',
      ours.map((r) => r.mbPerSecond),
      {
        reference: { label, values: reference.map((r) => r.mbPerSecond) },
      },
    ),
    metricRow(
      SCENARIO,
      `${clients}, full speed: server CPU per MB`,
      'CPU ms/MB',
      ours.map((r) => r.cpuMsPerMb),
      {
        reference: { label, values: reference.map((r) => r.cpuMsPerMb) },
      },
    ),
    metricRow(
      SCENARIO,
      `${clients}, full speed: server RSS peak`,
      'MB',
      ours.map((r) => r.peakRssMb),
      {
        reference: { label, values: reference.map((r) => r.peakRssMb) },
      },
    ),
  ];
}

function pacedRows(clients: string, pacedRounds: Paced[], bareStarts: number[][]): MetricRow[] {
  const leads = pacedRounds.flatMap((round) => round.leads);
  const behind = leads.filter((lead) => lead <= 0).length;
  const bare = 'bare: first 64 KiB of the file, same clients';
  return [
    metricRow(
      SCENARIO,
      `${clients}, paced 320 kbit/s: server CPU per stream`,
      '% of a core',
      pacedRounds.map((r) => r.cpuPercentPerStream),
    ),
    metricRow(
      SCENARIO,
      `${clients}, paced 320 kbit/s: server CPU per MB sent`,
      'CPU ms/MB',
      pacedRounds.map((r) => r.cpuMsPerMb),
      {
        note: 'where streams fell behind, the row above falls with what was sent; this one does not',
      },
    ),
    metricRow(
      SCENARIO,
      `${clients}, paced: server RSS peak`,
      'MB',
      pacedRounds.map((r) => r.peakRssMb),
    ),
    metricRow(
      SCENARIO,
      `${clients}, paced: first 0.25 s of audio, all asking at once`,
      'ms',
      pacedRounds.flatMap((round) => round.startMs),
      { reference: { label: bare, values: bareStarts.flat() } },
    ),
    metricRow(
      SCENARIO,
      `${clients}, paced: the last listener's first 0.25 s of audio`,
      'ms',
      pacedRounds.map((round) => Math.max(...round.startMs)),
      {
        reference: { label: bare, values: bareStarts.map((round) => Math.max(...round)) },
        note: 'target: within 250 ms at 1,000 listeners',
      },
    ),
    metricRow(SCENARIO, `${clients}, paced: least lead over real time, per stream`, 's', leads, {
      note: `${behind} of ${leads.length} streams fell behind real time`,
    }),
    metricRow(
      SCENARIO,
      `${clients}, paced: streams that fell behind real time`,
      'streams',
      pacedRounds.map((round) => round.leads.filter((lead) => lead <= 0).length),
      {
        note: 'must be 0',
      },
    ),
  ];
}

export const concurrency: Scenario = {
  name: SCENARIO,
  async run(context: BenchContext) {
    const settings: Settings = context.quick
      ? {
          levels: [1, 10, 100],
          pacedOnlyLevels: [1000],
          rounds: 1,
          warmUpMs: 200,
          fullSpeedWindowMs: 400,
          pacedWindowMs: 2000,
        }
      : {
          levels: [1, 10, 100, 1000],
          pacedOnlyLevels: [],
          rounds: 3,
          warmUpMs: 300,
          fullSpeedWindowMs: 1500,
          pacedWindowMs: 8000,
        };
    const song = context.library.long;
    const limit = openFileLimit();
    const levels = [...settings.levels, ...settings.pacedOnlyLevels].filter(
      (count) => limit === null || count + 100 <= limit,
    );
    const wanted = [...settings.levels, ...settings.pacedOnlyLevels];
    for (const count of wanted.filter((level) => !levels.includes(level))) {
      context.progress(`concurrency: skipping ${count} clients, the open-file limit is ${limit}`);
    }
    const [fast, bare, paced] = await Promise.all([
      context.servers.unpaced(),
      context.servers.bare(),
      context.servers.paced(),
    ]);
    const rows: MetricRow[] = [];
    for (const count of levels) {
      const progress = (line: string) => context.progress(`concurrency ${line}`);
      rows.push(...(await measureLevel({ fast, bare, paced }, count, song, settings, progress)));
    }
    return rows;
  },
};
