import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaybackService } from '../../src/player';
import { expectFullPlay, fullPlay, played } from '../player/support/fullPlay';
import { StreamRecorder } from '../player/support/streamRecorder';
import { BUNDLED_MUSIC } from '../support/serverHarness';
import { startCluster, type Cluster, type ClusterReplica } from './clusterHarness';
import { HAPROXY, haproxyInstalled, waitAllUp } from './haproxyHarness';

/** Players with their own decoder each: few, since every one decodes whole songs. */
const PLAYERS = 4;
/** Songs of about 30 s streamed in about 8: a replica goes while all of them stream. */
const PACING = { burstSeconds: 2, rateFactor: 4, maxLeadSeconds: 6 };
const QUICK = { initialMs: 100, maxMs: 800, jitter: 0.2, maxAttempts: 60 };

const reason = haproxyInstalled()
  ? ''
  : ` (SKIPPED: ${HAPROXY} is not installed; apt-get install haproxy)`;

interface Run {
  player: PlaybackService;
  recorder: StreamRecorder;
  songId: number;
  streamId: number;
  logLines: string[];
}

/** Starts PLAYERS players through the balancer, each on a song, and waits until all stream. */
async function startPlayers(cluster: Cluster, players: PlaybackService[]): Promise<Run[]> {
  const runs = await Promise.all(
    Array.from({ length: PLAYERS }, async (_, index) => {
      const logLines: string[] = [];
      const player = new PlaybackService({ reconnect: QUICK, log: (l) => logLines.push(l) });
      players.push(player);
      const recorder = new StreamRecorder(player);
      await player.connect('127.0.0.1', cluster.frontendPort);
      const songId = index % 3;
      const { streamId } = await player.play({ songId });
      return { player, recorder, songId, streamId, logLines };
    }),
  );
  const enough = () => runs.every((run) => run.recorder.secondsOf(run.streamId) >= 3);
  await runs[0].recorder.waitUntil(enough, 15_000, 'every player streaming');
  return runs;
}

/**
 * Every song played whole and bit for bit up to its cut, and from its resume on (a decode that
 * enters the file at a later frame matches within decoder rounding: PROTOCOL §7.3); returns
 * how many players resumed. No player saw an error or a second start.
 */
async function expectWholeSongs(cluster: Cluster, runs: Run[]): Promise<number> {
  for (const run of runs) await run.recorder.waitForEvent(run.streamId, 'ended', 40_000);
  const songs = cluster.replicas[0].server.library.songs;
  let resumed = 0;
  for (const run of runs) {
    const kinds = run.recorder.eventsOf(run.streamId).map((event) => event.kind);
    expect(kinds.filter((kind) => kind !== 'cover')).toEqual(['started', 'ended']);
    const resumedLine = run.logLines.find((l) => l.startsWith('Resumed song'));
    if (resumedLine) resumed += 1;
    const full = await fullPlay(songs[run.songId].absolutePath);
    const cutAt = resumedLine ? Number(/at sample (\d+)/.exec(resumedLine)?.[1]) : full[0].length;
    expectFullPlay(played(run.recorder, run.streamId), full, 0, cutAt);
    expect(run.player.getConnection().status).toBe('connected');
  }
  return resumed;
}

const busiest = (replicas: ClusterReplica[]) =>
  replicas.reduce((a, b) => (b.clients.length > a.clients.length ? b : a));
const clientsOf = (replicas: ClusterReplica[]) =>
  replicas.reduce((sum, replica) => sum + replica.clients.length, 0);

/** A fresh cluster for one describe block, and the players it starts, all stopped after it. */
function useCluster(): { cluster: () => Cluster; players: PlaybackService[] } {
  let cluster: Cluster | undefined;
  const players: PlaybackService[] = [];
  beforeAll(async () => {
    cluster = await startCluster(BUNDLED_MUSIC, PACING);
  }, 30_000);
  afterAll(async () => {
    await Promise.all(players.map((player) => player.dispose()));
    await cluster?.stop();
  });
  return { cluster: () => cluster!, players };
}

// Issue 14 item 3: a replica that dies mid-song, or is drained for an update, costs its
// listeners nothing: each player reconnects through HAProxy, lands on a live replica and
// resumes at its next sample.
describe.skipIf(!haproxyInstalled())(`failover through HAProxy${reason}`, () => {
  const { cluster, players } = useCluster();

  it('resumes every song cut by a dying replica on another, at its next sample', async () => {
    const runs = await startPlayers(cluster(), players);
    // The replica with the most players dies mid-song (4 players on 3 replicas: at least 2).
    const victim = busiest(cluster().replicas);
    const cutCount = victim.clients.length;
    expect(cutCount).toBeGreaterThanOrEqual(2);
    const alive = cluster().replicas.filter((replica) => replica !== victim);
    const aliveBefore = clientsOf(alive);
    await victim.server.close();

    expect(await expectWholeSongs(cluster(), runs)).toBe(cutCount);
    // Each cut player came back through HAProxy, once, to a replica that is alive.
    expect(clientsOf(alive) - aliveBefore).toBe(cutCount);
  }, 90_000);
});

describe.skipIf(!haproxyInstalled())(`draining a replica behind HAProxy${reason}`, () => {
  const { cluster, players } = useCluster();

  it('drain in HAProxy, then SIGTERM-style drain: every player resumes elsewhere, nothing lost', async () => {
    const { haproxy, replicas } = cluster();
    await waitAllUp(haproxy, replicas.length, 10_000);
    const runs = await startPlayers(cluster(), players);
    const victim = busiest(replicas);
    const moved = victim.clients.length;
    expect(moved).toBeGreaterThanOrEqual(2);
    const name = `r${replicas.indexOf(victim) + 1}`;
    // docs/DEPLOY.md section 6: no new listeners for it, then the replica's own drain.
    expect(await haproxy.admin(`set server tidewave_replicas/${name} state drain`)).toBe('\n');
    const alive = replicas.filter((replica) => replica !== victim);
    const aliveBefore = clientsOf(alive);
    await victim.server.drain(1_000);
    expect(victim.server.connectionCount).toBe(0);
    // Nobody reached the drained replica again; each of its players came back once elsewhere.
    expect(victim.clients).toHaveLength(moved);
    expect(await expectWholeSongs(cluster(), runs)).toBe(moved);
    expect(clientsOf(alive) - aliveBefore).toBe(moved);
  }, 90_000);
});
