import { dumpClicks } from '../clickDump';
import { CLICK_MARKS_SCRIPT } from '../clickMarks';
import { CLICK_PARTS, type ClickPart } from '../clickParts';
import { ClickSession, type LatencyHint, type MeasuredClick } from '../clickSession';
import { measureFirstAudioFloor } from '../firstAudioFloor';
import { metricRow, type MetricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import { median } from '../stats';
import { sleep } from '../timing';
import { startE2eEnvironment, startMusicServer } from '../../test/e2e/support/e2eEnvironment';

/** How long each song plays before the next click: past its start-up burst. */
const PLAY_MS = 700;
const KINDS = [
  'first play after opening',
  'play from idle',
  'song switch',
  'next in queue',
] as const;
type Kind = (typeof KINDS)[number];
/** Compared with the app's own hint ('balanced') in the same run. */
const OTHER_HINT: LatencyHint = 'interactive';

interface PageResults {
  clicks: Record<Kind, MeasuredClick[]>;
  queueing: Array<{ leastLeadMs: number; gaps: number }>;
}

function emptyResults(): PageResults {
  return {
    clicks: {
      'first play after opening': [],
      'play from idle': [],
      'song switch': [],
      'next in queue': [],
    },
    queueing: [],
  };
}

function warmClicks({ clicks }: PageResults): MeasuredClick[] {
  return [...clicks['play from idle'], ...clicks['song switch'], ...clicks['next in queue']];
}

/** One page: a cold first play, then rounds of switch, next-in-queue, stop and play from idle. */
async function measurePage(
  session: ClickSession,
  rounds: number,
  { clicks: results, queueing }: PageResults,
): Promise<void> {
  const { page } = session;
  const rows = page.locator('tbody tr');
  const count = await rows.count();
  const playRow = (i: number) => () =>
    rows
      .nth(i % count)
      .locator('.row-play')
      .click();
  const played = async (kind: Kind, click: () => Promise<void>) => {
    const measured = await session.time(click);
    results[kind].push(measured);
    await sleep(PLAY_MS);
    queueing.push(await session.queueing(measured.streamId));
  };
  await played('first play after opening', playRow(0));
  for (let round = 0; round < rounds; round++) {
    await played('song switch', playRow(round + 1));
    await rows
      .nth((round + 2) % count)
      .getByRole('button', { name: /to play next$/ })
      .click();
    await played('next in queue', () =>
      page.getByRole('button', { name: 'Next song', exact: true }).click(),
    );
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await sleep(300);
    await played('play from idle', playRow(round));
  }
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
}

/**
 * Parts this machine adds that the app does not choose: the output device's latency (Chromium's
 * fake device here; the floor counts only baseLatency), and the e2e test bridge's two legs, which
 * stand in for Electron's IPC (it cannot run here).
 */
const NOT_THE_APPS = [
  'output latency',
  'IPC request (test bridge)',
  'IPC to the page (test bridge)',
] as const satisfies readonly ClickPart[];
const NOT_THE_APPS_NOTE =
  "the app's own parts: Electron's IPC, which would replace the bridge, is not counted";

/** What the least lead row reads (testHooks.ts: the clock just after start(), against the start). */
const LEAD_NOTE =
  "start less the clock the engine placed it from: a fresh run's is baseLatency + a quantum, " +
  'and a follow-on with less queued ahead restarts a run';

function sum(parts: Record<ClickPart, number>, names: readonly ClickPart[]): number {
  return names.reduce((total, name) => total + parts[name], 0);
}

/** The part with the largest median, and that median. */
function largestPart(clicks: readonly MeasuredClick[]): string {
  if (clicks.length === 0) return 'none measured';
  const [part, ms] = CLICK_PARTS.map(
    (name) => [name, median(clicks.map((c) => c.parts[name]))] as const,
  ).sort((a, b) => b[1] - a[1])[0];
  return `${part} (${ms.toFixed(1)} ms)`;
}

/**
 * Click to sound in Chromium: the real renderer (production React build) and the real main
 * services (through the e2e test bridge), from the play button's click to the first sample
 * leaving the AudioContext, split into its parts. Floor from the same run: a 4 KB round trip
 * plus first-frame decode (as `ttfa`'s) plus the context's baseLatency.
 */
export const clickToSound: Scenario = {
  name: 'clicktosound',
  async run(context: BenchContext) {
    const pages = context.quick ? 1 : 4;
    const rounds = context.quick ? 4 : 8;
    const own = emptyResults();
    const other = emptyResults();
    const { clicks: results, queueing } = own;
    const env = await startE2eEnvironment({ productionReact: true });
    const music = await startMusicServer();
    try {
      await env.context.addInitScript(CLICK_MARKS_SCRIPT);
      // The app's hint and the other one take turns, so both see the same load.
      for (let run = 0; run < pages; run++) {
        for (const hint of run % 2 === 0 ? [null, OTHER_HINT] : [OTHER_HINT, null]) {
          if (hint !== null && run >= Math.max(1, pages / 2)) continue;
          context.progress(`clicktosound: page ${run + 1}/${pages}${hint ? ` (${hint})` : ''}`);
          const session = await ClickSession.open(env, music.port, hint ?? undefined);
          try {
            await measurePage(session, rounds, hint ? other : own);
          } finally {
            await session.close();
          }
        }
      }
    } finally {
      await music.server.close();
      await env.close();
    }
    const bare = await context.servers.bare();
    const files = context.library.bundled.map((song) => song.file);
    const plays = Math.max(...KINDS.map((kind) => results[kind].length));
    const order = Array.from({ length: plays }, (_, i) => files[i % files.length]);
    const baseLatency = median(KINDS.flatMap((kind) => results[kind].map((r) => r.baseLatencyMs)));
    const floor = (await measureFirstAudioFloor(bare.port, order, 10_000)).map(
      (ms) => ms + baseLatency,
    );
    await dumpClicks(
      results,
      floor,
      queueing.map((q) => q.gaps),
    );
    const reference = {
      label: `floor: 4 KB round trip + first frame decode + baseLatency (${baseLatency.toFixed(1)} ms)`,
      values: floor,
    };
    const scenario = 'click to sound';
    const out: MetricRow[] = KINDS.map((kind) =>
      metricRow(
        scenario,
        `${kind}: click → first sample out`,
        'ms',
        results[kind].map((r) => r.total),
        {
          reference,
          note: `target within 2x of the floor; largest part: ${largestPart(results[kind])}`,
        },
      ),
    );
    const warm = warmClicks(own);
    out.push(
      metricRow(
        scenario,
        'warm clicks, less the output latency and the test bridge: click → first sample out',
        'ms',
        warm.map((r) => r.total - sum(r.parts, NOT_THE_APPS)),
        { reference, note: NOT_THE_APPS_NOTE },
      ),
    );
    for (const part of CLICK_PARTS) {
      out.push(
        metricRow(
          scenario,
          `part: ${part}`,
          'ms',
          warm.map((r) => r.parts[part]),
        ),
      );
    }
    // Only a session's first play is held for its second chunk (startHold.ts): its cost, apart.
    const firstPlays = results['first play after opening'];
    out.push(
      metricRow(
        scenario,
        'first play after opening: part: held for the next chunk',
        'ms',
        firstPlays.map((r) => r.parts['held for the next chunk (a first play)']),
      ),
      metricRow(
        scenario,
        'least lead of any queued chunk (first 0.7 s of each song)',
        'ms',
        queueing.map((q) => q.leastLeadMs),
        { note: LEAD_NOTE },
      ),
      metricRow(
        scenario,
        'gaps inside a song (underruns), first 0.7 s',
        'count',
        queueing.map((q) => q.gaps),
        { note: 'each doubles the expected wait for the next chunk (up to 250 ms)' },
      ),
    );
    out.push(...hintRows(scenario, other));
    return out;
  },
};

/** The same clicks with the other latency hint (forced by the bench in its own pages). */
function hintRows(scenario: string, results: PageResults): MetricRow[] {
  const warm = warmClicks(results);
  const label = `latency hint '${OTHER_HINT}' (the app's is 'balanced')`;
  return [
    metricRow(
      scenario,
      `${label}: warm clicks → first sample out`,
      'ms',
      warm.map((r) => r.total),
    ),
    metricRow(
      scenario,
      `${label}: part: output latency`,
      'ms',
      warm.map((r) => r.parts['output latency']),
      { note: `baseLatency ${median(warm.map((r) => r.baseLatencyMs)).toFixed(1)} ms` },
    ),
    metricRow(
      scenario,
      `${label}: part: scheduling margin`,
      'ms',
      warm.map((r) => r.parts['scheduling margin']),
    ),
    metricRow(
      scenario,
      `${label}: gaps inside a song (underruns), first 0.7 s`,
      'count',
      results.queueing.map((q) => q.gaps),
    ),
  ];
}
