import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type {
  ClientMemoryMessage,
  ClientMemoryPlan,
  ClientMemoryResult,
} from '../clientMemoryProcess';
import { slopeReport } from '../memorySlope';
import { metricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import { spawnTsChild } from '../spawnTsChild';
import { buildDecoderWorker } from '../../test/e2e/support/buildDecoderWorker';
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
    const song = context.quick ? context.library.short : context.library.long;
    const minutes = Math.round(song.durationSeconds / 60);
    const runs = context.quick ? 1 : 2;
    const speed = 150;
    const server = await context.servers.unpaced();
    // The worker as the app ships it: its .ts source would run tsx inside the worker too.
    const decoderWorkerPath = await buildDecoderWorker();
    const results: ClientMemoryResult[] = [];
    for (let run = 0; run < runs; run++) {
      context.progress(
        `clientmemory: a ${minutes}-minute song at ${speed}x, run ${run + 1}/${runs}`,
      );
      const timeoutMs = (song.durationSeconds / speed) * 1000 * 4 + 30_000;
      const plan = {
        port: server.port,
        songId: song.id,
        speed,
        sampleMs: 250,
        timeoutMs,
        decoderWorkerPath,
      };
      results.push(await runClient(plan));
    }
    const scenario = 'client memory';
    const what = `${minutes} min 320 kbit/s song, played at ${speed}x`;
    const slope = slopeReport(results);
    return [
      metricRow(
        scenario,
        `RSS at start (${what})`,
        'MB',
        results.map((r) => r.rssStartMb),
        {
          reference: {
            label: 'same process before the player is loaded (Node + tsx)',
            values: results.map((r) => r.rssBaselineMb),
          },
        },
      ),
      metricRow(
        scenario,
        "the player's own share at start (worker, WASM, code, buffers)",
        'MB',
        results.map((r) => r.rssStartMb - r.rssBaselineMb),
        { note: 'RSS at start minus the baseline; the bundled decoder worker, as shipped' },
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
      metricRow(scenario, 'RSS slope after the first quarter', 'MB per audio hour', slope.values, {
        note: slope.note,
      }),
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
