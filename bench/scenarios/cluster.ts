import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { haproxyInstalled } from '../../test/deploy/haproxyHarness';
import { runCluster, type ClusterResult } from '../cluster/clusterRun';
import { metricRow, type MetricRow } from '../metricRow';
import { openFileLimit } from '../openFileLimit';
import type { BenchContext, Scenario } from '../scenario';

const SCENARIO = 'cluster';

/** Streams whose least lead fell to 0 or below: a listener would have heard a gap. */
const behind = (result: ClusterResult) => result.leads.filter((lead) => lead <= 0).length;

/**
 * Issue 14: 1, 2 and 3 replicas behind HAProxy (deploy/haproxy/haproxy.cfg) against one
 * replica alone, each with the same paced listeners; then a replica killed mid-song, and the
 * time until its last listener's first resumed bytes.
 */
export const cluster: Scenario = {
  name: SCENARIO,
  async run(context: BenchContext): Promise<MetricRow[]> {
    if (!haproxyInstalled()) {
      return [
        metricRow(SCENARIO, 'cluster behind HAProxy', 'streams', [], {
          note: 'not measured: /usr/sbin/haproxy is not installed (apt-get install haproxy)',
        }),
      ];
    }
    const limit = openFileLimit();
    const wanted = context.quick ? 200 : 1000;
    const clients = limit === null ? wanted : Math.min(wanted, limit - 200);
    const windowMs = context.quick ? 4_000 : 12_000;
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'tidewave-bench-cluster-'));
    const base = { folder: context.library.folder, workDir, song: context.library.long, clients };
    const rows: MetricRow[] = [];
    try {
      context.progress(`cluster: one replica alone, ${clients} listeners`);
      const alone = await runCluster({ ...base, windowMs, replicas: 0 });
      const aloneCpu = [alone.replicaCpuPerStream];
      rows.push(
        metricRow(SCENARIO, `1 replica alone: CPU per stream`, '% of a core', aloneCpu, {
          note: `${clients} paced 320 kbit/s listeners; ${behind(alone)} fell behind real time`,
        }),
      );
      for (const replicas of [1, 2, 3]) {
        context.progress(`cluster: ${replicas} replica(s) behind HAProxy, ${clients} listeners`);
        const result = await runCluster({ ...base, windowMs, replicas });
        const label = `${replicas} replica${replicas > 1 ? 's' : ''} behind HAProxy`;
        const reference = { label: 'one replica alone, same listeners', values: aloneCpu };
        rows.push(
          metricRow(
            SCENARIO,
            `${label}: replicas' CPU per stream`,
            '% of a core',
            [result.replicaCpuPerStream],
            { reference, note: `${behind(result)} of ${clients} streams fell behind real time` },
          ),
          metricRow(
            SCENARIO,
            `${label}: HAProxy's CPU per stream`,
            '% of a core',
            [result.haproxyCpuPerStream],
            { reference, note: "HAProxy's own cost as a ratio of a replica's" },
          ),
        );
      }
      context.progress(`cluster: 3 replicas, one killed mid-song`);
      const killAtMs = Math.round(windowMs / 3);
      const failover = await runCluster({ ...base, windowMs, replicas: 3, killAtMs });
      const cut = failover.failoverMs.length;
      const lost = failover.failoverMs.filter((ms) => !Number.isFinite(ms)).length;
      rows.push(
        metricRow(
          SCENARIO,
          'replica killed: kill → first resumed bytes, per cut listener',
          'ms',
          failover.failoverMs.filter(Number.isFinite),
          {
            note:
              `${cut} listeners cut, ${lost} not resumed within the window; reconnect waits ` +
              `are the player's (0.5 s ± 20 %, doubling); the max is the last one's`,
          },
        ),
        metricRow(
          SCENARIO,
          'replica killed: streams that fell behind real time',
          'streams',
          [behind(failover)],
          { note: `of ${clients}; must be 0 (a cut listener resumed within its buffer)` },
        ),
      );
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
    return rows;
  },
};
