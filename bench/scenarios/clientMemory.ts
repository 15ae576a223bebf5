import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type {
  ClientMemoryMessage,
  ClientMemoryPlan,
  ClientMemoryResult,
} from '../clientMemoryProcess';
import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import { ServerHandle } from '../serverHandle';
import { spawnTsChild } from '../spawnTsChild';
import { withTimeout } from '../timing';

const CLIENT_ENTRY = fileURLToPath(new URL('../clientMemoryProcess.ts', import.meta.url));

/** Runs the player in its own process and waits for its report. */
async function runClient(plan: ClientMemoryPlan): Promise<ClientMemoryResult> {
  const child = spawnTsChild(CLIENT_ENTRY, [JSON.stringify(plan)]);
  const exited = once(child, 'exit');
  const reply = new Promise<ClientMemoryResult>((resolve, reject) => {
    child.on('message', (message: ClientMemoryMessage) =>
      message.type === 'result' ? resolve(message.result) : reject(new Error(message.message)),
    );
    child.once('exit', (code) =>
      reject(new Error(`client process exited (${code}) without a result`)),
    );
  });
  try {
    return await withTimeout(reply, plan.timeoutMs + 20_000, 'client memory run');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
}

export const clientMemory: Scenario = {
  name: 'clientmemory',
  async run(context: BenchContext) {
    const minutes = context.quick ? 5 : 60;
    const runs = context.quick ? 1 : 2;
    const speed = context.quick ? 60 : 150;
    const song = await context.fixtures.song320(minutes);
    const server = await ServerHandle.start({
      kind: 'tidewave',
      folder: song.folder,
      pacing: 'off',
    });
    const results: ClientMemoryResult[] = [];
    try {
      for (let run = 0; run < runs; run++) {
        context.progress(
          `clientmemory: a ${minutes}-minute song at ${speed}x, run ${run + 1}/${runs}`,
        );
        const timeoutMs = ((minutes * 60) / speed) * 1000 * 4 + 30_000;
        results.push(
          await runClient({ port: server.port, songId: 0, speed, sampleMs: 250, timeoutMs }),
        );
      }
    } finally {
      await server.close();
    }
    const scenario = 'client memory';
    const what = `${minutes} min 320 kbit/s song, played at ${speed}x`;
    return [
      metricRow(
        scenario,
        `RSS at start (${what})`,
        'MB',
        results.map((r) => r.rssStartMb),
      ),
      metricRow(
        scenario,
        'RSS peak',
        'MB',
        results.map((r) => r.rssPeakMb),
      ),
      metricRow(
        scenario,
        'RSS at end',
        'MB',
        results.map((r) => r.rssEndMb),
      ),
      metricRow(
        scenario,
        'RSS slope after the first quarter',
        'MB per audio hour',
        results.map((r) => r.slopeMbPerAudioHour),
        {
          note: 'flat is about 0',
        },
      ),
      metricRow(
        scenario,
        'socket paused by flow control',
        '% of samples',
        results.map((r) => r.pausedShare * 100),
      ),
      metricRow(
        scenario,
        'audio decoded and played',
        'min',
        results.map((r) => r.audioSeconds / 60),
      ),
    ];
  },
};
