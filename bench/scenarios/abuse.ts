import { abuseAttacks, type AttackPlan } from '../abuseAttacks';
import { listRoundTrips } from '../listRoundTrip';
import { MemorySampler } from '../memorySampler';
import { metricRow, type MetricRow } from '../metricRow';
import type { BenchContext, Scenario } from '../scenario';
import { ServerHandle } from '../serverHandle';
import type { ProcessUsage } from '../serverMessages';
import { now, sleep } from '../timing';

const SCENARIO = 'abuse';
const MB = 1024 * 1024;
const LIST_TIMEOUT_MS = 10_000;
/** Round trips stop starting after this long, however slow they are. */
const LIST_BUDGET_MS = 15_000;
const BASELINE = 'no attack, same server';

interface Settings {
  /** How long an attack runs before the server is measured under it. */
  settleMs: number;
  /** New clients' list round trips per measurement. */
  roundTrips: number;
}

interface Snapshot {
  usage: ProcessUsage;
  listMs: number[];
  listFailed: number;
}

async function snapshot(server: ServerHandle, settings: Settings): Promise<Snapshot> {
  const trips = await listRoundTrips(
    server.port,
    settings.roundTrips,
    LIST_TIMEOUT_MS,
    LIST_BUDGET_MS,
  );
  return { usage: await server.usage(), listMs: trips.times, listFailed: trips.failed };
}

async function untilConnections(server: ServerHandle, count: number): Promise<void> {
  const deadline = now() + 10_000;
  while ((await server.usage()).connections > count && now() < deadline) await sleep(50);
}

/** One attack against a fresh server of its own, measured before, under and after it. */
async function measureAttack(
  plan: AttackPlan,
  fresh: Promise<ServerHandle>,
  context: BenchContext,
  settings: Settings,
): Promise<MetricRow[]> {
  const server = await fresh;
  const sampler = new MemorySampler(server);
  try {
    await server.usage(true);
    const before = await snapshot(server, settings);
    sampler.start(250);
    const attack = await plan.start(server.port, context.library.long.id);
    const opened = attack.connections;
    let under: Snapshot;
    try {
      await sleep(settings.settleMs);
      under = await snapshot(server, settings);
    } finally {
      attack.stop();
    }
    const peakRss = Math.max(await sampler.stop(), under.usage.rssBytes);
    await untilConnections(server, 0);
    const after = await server.usage(true);
    const name = plan.name;
    const base = before.usage;
    const ref = (values: number[]) => ({ reference: { label: BASELINE, values } });
    const stats = under.usage.stats;
    const queued = stats
      ? `; replies queued at most ${Math.round(stats.peakQueuedBytes / 1024)} KB`
      : '';
    return [
      metricRow(SCENARIO, `${name}: server RSS peak`, 'MB', [peakRss / MB], {
        ...ref([base.rssBytes / MB]),
        note: plan.label,
      }),
      metricRow(
        SCENARIO,
        `${name}: server RSS once it left`,
        'MB',
        [after.rssBytes / MB],
        ref([base.rssBytes / MB]),
      ),
      metricRow(SCENARIO, `${name}: server open files`, 'files', [under.usage.openFiles ?? NaN], {
        ...ref([base.openFiles ?? NaN]),
        note: `attack holds ${opened} of ${plan.connections} connections${queued}`,
      }),
      metricRow(SCENARIO, `${name}: new client's list round trip`, 'ms', under.listMs, {
        ...ref(before.listMs),
        note: under.listFailed > 0 ? `${under.listFailed} got no list within 10 s` : undefined,
      }),
      metricRow(
        SCENARIO,
        `${name}: server log written`,
        'KB',
        [(under.usage.logBytes - base.logBytes) / 1024],
        ref([(base.logBytes - 0) / 1024]),
      ),
    ];
  } finally {
    await sampler.stop();
    await server.close();
  }
}

export const abuse: Scenario = {
  name: SCENARIO,
  async run(context: BenchContext) {
    const settings: Settings = context.quick
      ? { settleMs: 1_500, roundTrips: 5 }
      : { settleMs: 5_000, roundTrips: 10 };
    const plans = abuseAttacks(context.quick);
    // A fresh server per attack with the default pacing and timeouts, and caps raised to fit
    // the attack: what each attack costs, not how the caps refuse it. The next one starts while
    // the current one is measured (starting all at once overloads two cores).
    const start = (plan: AttackPlan) => {
      const caps = plan.connections + 50;
      const server = ServerHandle.start(
        {
          kind: 'tidewave',
          folder: context.library.folder,
          pacing: 'default',
          limits: { maxConnections: caps, maxConnectionsPerAddress: caps },
        },
        { openFiles: 2 * caps + 200 },
      );
      server.catch(() => {});
      servers.push(server);
      return server;
    };
    const servers: Array<Promise<ServerHandle>> = [];
    const rows: MetricRow[] = [];
    try {
      let next = start(plans[0]);
      for (const [index, plan] of plans.entries()) {
        const current = next;
        await current.catch(() => null);
        if (index + 1 < plans.length) next = start(plans[index + 1]);
        context.progress(`abuse: ${plan.name} (${plan.label})`);
        rows.push(...(await measureAttack(plan, current, context, settings)));
      }
    } finally {
      await Promise.all(servers.map(async (server) => (await server.catch(() => null))?.close()));
    }
    return rows;
  },
};
