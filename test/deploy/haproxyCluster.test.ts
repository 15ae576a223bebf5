import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSineMp3 } from '../support/mp3Fixtures';
import { waitFor } from '../support/serverHarness';
import { startCluster, type Cluster } from './clusterHarness';
import { HAPROXY, haproxyInstalled, serverStatuses, waitAllUp } from './haproxyHarness';
import { StallClock } from './stallClock';
import { listenWithResume, type ListenOutcome, type TestSong } from './resumingTestListener';

const CLIENTS = 300;
const AFTER_KILL_CLIENTS = 30;
/** Clients arrive one every 10 ms, so about 100 a second, as listeners do, not all at once. */
const ARRIVAL_MS = 10;
/** r2 dies as this many listeners have arrived (or later), in the middle of streams it is sending. */
const KILL_AT_LISTENER = 180;
/** Listeners the kill must cut, for the resumes to be tested on many. */
const CUT_AT_LEAST = CLIENTS / 10;
/**
 * Songs of 6-8 s, paced in real time after a 2 s burst (the lead a listener has when its
 * replica dies): streams last about 5 s, so many are under way on r2 when it dies.
 */
const PACING = { burstSeconds: 2, rateFactor: 1 };

/**
 * Listeners come from many loopback addresses (Linux routes all of 127/8 to lo), as real ones
 * do: the shipped config caps connections per source address.
 */
const sourceAddress = (index: number) => `127.0.1.${(index % 50) + 1}`;

async function paced(
  count: number,
  run: (index: number) => Promise<ListenOutcome>,
): Promise<ListenOutcome[]> {
  const runs: Promise<ListenOutcome>[] = [];
  // By the clock: a timer late on a loaded machine does not slow the arrivals down, which would
  // let the first streams end before the kill and leave it too few to cut.
  const start = performance.now();
  for (let index = 0; index < count; index++) {
    runs.push(run(index));
    const due = start + (index + 1) * ARRIVAL_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
  }
  return Promise.all(runs);
}

async function waitUntil(
  condition: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The song reached the listener whole and byte-exact: straight, or as an exact prefix and,
 * after the resume, an exact tail of the file that starts at or before where the prefix ended.
 */
function expectWholeSong(outcome: ListenOutcome, song: TestSong): void {
  expect(outcome.refused).toBeNull();
  expect(outcome.complete).toBe(true);
  const bytes = song.bytes;
  expect(outcome.prefix.equals(bytes.subarray(0, outcome.prefix.length))).toBe(true);
  if (outcome.resumed === null) {
    expect(outcome.prefix.length).toBe(bytes.length);
    return;
  }
  const tail = outcome.resumed;
  expect(tail.equals(bytes.subarray(bytes.length - tail.length))).toBe(true);
  expect(bytes.length - tail.length).toBeLessThanOrEqual(outcome.prefix.length);
  if (outcome.start) {
    // The server started at or before the sample asked for (PROTOCOL §7.1).
    const asked = Math.round(outcome.start.seconds * outcome.start.rate);
    expect(outcome.start.first).toBeLessThanOrEqual(asked);
  }
}

const reason = haproxyInstalled()
  ? ''
  : ` (SKIPPED: ${HAPROXY} is not installed; apt-get install haproxy)`;

describe.skipIf(!haproxyInstalled())(`three replicas behind HAProxy${reason}`, () => {
  let folder = '';
  let songs: TestSong[] = [];
  let cluster: Cluster | undefined;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'tidewave-deploy-test-'));
    // Three real MP3s (a resume seeks by frame); ids 0-2 follow the file names on every replica.
    const files = [6, 7, 8].map((seconds) => encodeSineMp3({ seconds }));
    for (const [id, bytes] of files.entries()) {
      await writeFile(path.join(folder, `song${id}.mp3`), bytes);
    }
    cluster = await startCluster(folder, PACING);
    songs = cluster.replicas[0].server.library.songs.map((song) => {
      if (!song.durationSeconds) throw new Error(`song ${song.id} has no duration`);
      const bytes = files[song.id];
      return { id: song.id, bytes, bytesPerSecond: bytes.length / song.durationSeconds };
    });
  }, 30_000);

  afterAll(async () => {
    await cluster?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("spreads paced listeners; a killed replica's listeners resume byte-exact elsewhere in time; drains", async () => {
    const { haproxy, replicas, frontendPort } = cluster!;
    const statuses = async () =>
      serverStatuses(await haproxy.admin('show stat'), 'tidewave_replicas');
    await waitAllUp(haproxy, 3, 10_000);

    // Kill r2 while listeners arrive and stream: its listening socket and streams go at once.
    const killed = replicas[1];
    let kill: Promise<void> | undefined;
    let streamsOnKilled = 0;
    const listen = (index: number) =>
      listenWithResume(frontendPort, sourceAddress(index), songs[index % songs.length]);
    const stalls = new StallClock();
    const outcomes = await paced(CLIENTS, (index) => {
      // Killed once it holds enough streams to test the resumes with (a third of those under
      // way, about 60, on a quiet machine); a loaded one may have spread them less evenly yet.
      const enough = killed.server.connectionCount > CUT_AT_LEAST + 10 || index === CLIENTS - 1;
      if (kill === undefined && index >= KILL_AT_LISTENER && enough) {
        streamsOnKilled = killed.server.connectionCount;
        kill = killed.server.close();
      }
      return listen(index);
    });
    await kill;
    stalls.stop();

    // Every listener got its whole song, byte-exact, those cut by the kill through a resume.
    for (const [index, outcome] of outcomes.entries()) {
      expectWholeSong(outcome, songs[index % songs.length]);
    }
    const cut = outcomes.filter((outcome) => outcome.resumed !== null);
    expect(cut.length).toBeGreaterThan(CUT_AT_LEAST);
    // Each resumed before the audio it held ran out: no listener would have heard a gap. (One
    // cut before its first 0.25 s had not started playing; it only starts later.) Real time here
    // is this process's: while a loaded machine kept it off the CPU (replicas and listeners
    // alike), a player on its own machine would have gone on playing, but no replica could have
    // sent; that stall is measured and not counted against the replicas (near 0 on a quiet
    // machine; time the process spent running, however busy, still counts).
    const timed = cut.filter((outcome) => outcome.leadAtResume !== null);
    expect(timed.length).toBeGreaterThan(cut.length / 2);
    const leads = timed.map((outcome) => {
      const window = outcome.leadWindow ?? { from: 0, to: 0 };
      const stalled = stalls.stalledMsBetween(window.from, window.to) / 1000;
      return { lead: outcome.leadAtResume ?? 0, stalled };
    });
    const atCut = timed.map((outcome) => outcome.leadAtCut ?? 0);
    const range = (list: number[]) =>
      `${Math.min(...list).toFixed(2)}..${Math.max(...list).toFixed(2)} s`;
    console.log(
      `r2 had ${streamsOnKilled} connections, ${cut.length} cut; lead at the cut ${range(atCut)}, ` +
        `at the resume ${range(leads.map((l) => l.lead))}; this process was kept off the CPU ` +
        `${range(leads.map((l) => l.stalled))} in a listener's window`,
    );
    expect(leads.filter(({ lead, stalled }) => lead + stalled <= 0)).toEqual([]);

    // PROXY v2: the replicas logged exactly the listeners' own addresses and ports, each once
    // per connection (a resume may reuse its first connection's port: then twice).
    const seen = replicas.flatMap((replica) => replica.clients);
    const legs = outcomes.flatMap((outcome) => outcome.legNames);
    const countIn = (list: string[], name: string) => list.filter((n) => n === name).length;
    for (const name of new Set(seen)) {
      expect(countIn(seen, name), name).toBeLessThanOrEqual(countIn(legs, name));
    }
    const onKilled = new Set(killed.clients);
    // A cut listener was on r2, or reached no replica at all (accepted by r2's kernel only).
    for (const outcome of cut)
      expect(onKilled.has(outcome.name) || !seen.includes(outcome.name)).toBe(true);
    // leastconn spread them: every replica, r2 until its kill, served a good share.
    for (const replica of replicas) expect(replica.clients.length).toBeGreaterThan(CLIENTS / 10);

    // The protocol-speaking health check finds r2 dead.
    await waitUntil(async () => (await statuses()).get('r2') === 'DOWN', 15_000, 'r2 down');
    expect((await statuses()).get('r1')).toBe('UP');
    expect((await statuses()).get('r3')).toBe('UP');

    // New listeners all go to r1 and r3, and get their songs whole.
    const before = replicas.map((replica) => replica.clients.length);
    const later = await paced(AFTER_KILL_CLIENTS, listen);
    for (const [index, outcome] of later.entries()) {
      expectWholeSong(outcome, songs[index % songs.length]);
      expect(outcome.resumed).toBeNull();
    }
    const added = replicas.map((replica, i) => replica.clients.slice(before[i]));
    expect(added[1]).toEqual([]);
    expect(added[0].length).toBeGreaterThan(0);
    expect(added[2].length).toBeGreaterThan(0);
    expect([...added[0], ...added[2]].sort()).toEqual(later.map((o) => o.name).sort());

    // Draining r3 (docs/DEPLOY.md, section 6) sends every new listener to r1.
    expect(await haproxy.admin('set server tidewave_replicas/r3 state drain')).toBe('\n');
    const onR1 = replicas[0].clients.length;
    const onR3 = replicas[2].clients.length;
    const drained = await paced(10, listen);
    expect(drained.every((outcome) => outcome.complete && outcome.resumed === null)).toBe(true);
    expect(replicas[2].clients.length).toBe(onR3);
    expect(replicas[0].clients.slice(onR1).sort()).toEqual(drained.map((o) => o.name).sort());
    await waitFor(() => replicas.every((replica) => replica.server.connectionCount === 0), 10_000);
  }, 90_000);
});
