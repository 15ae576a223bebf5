import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaybackService } from '../../src/player';
import { createLibraryServer, type LibraryServer } from '../../src/server';
import { expectFullPlay, fullPlay, played } from '../player/support/fullPlay';
import { StreamRecorder } from '../player/support/streamRecorder';
import { BUNDLED_MUSIC } from '../support/serverHarness';
import {
  freePorts,
  HAPROXY,
  haproxyInstalled,
  startHaproxy,
  writeTestConfig,
  type RunningHaproxy,
} from './haproxyHarness';

/** Players with their own decoder each: few, since every one decodes whole songs. */
const PLAYERS = 4;
/** Songs of about 30 s streamed in about 8: a replica dies while all of them stream. */
const PACING = { burstSeconds: 2, rateFactor: 4, maxLeadSeconds: 6 };
const QUICK = { initialMs: 100, maxMs: 800, jitter: 0.2, maxAttempts: 60 };

interface Replica {
  server: LibraryServer;
  clients: string[];
}

const reason = haproxyInstalled()
  ? ''
  : ` (SKIPPED: ${HAPROXY} is not installed; apt-get install haproxy)`;

// Issue 14 item 3: a replica that dies mid-song costs its listeners nothing: each player
// reconnects through HAProxy, lands on a live replica and resumes at its next sample.
describe.skipIf(!haproxyInstalled())(`failover through HAProxy${reason}`, () => {
  let folder = '';
  let replicas: Replica[] = [];
  let haproxy: RunningHaproxy | undefined;
  let frontendPort = 0;
  const players: PlaybackService[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'tidewave-failover-test-'));
    const ports = await freePorts(4);
    frontendPort = ports[0];
    for (const port of ports.slice(1)) {
      const clients: string[] = [];
      const server = await createLibraryServer({
        folder: BUNDLED_MUSIC,
        port,
        pacing: PACING,
        proxyFrom: ['127.0.0.1'],
        log: (line) => {
          const match = /^client (\S+) connected$/.exec(line);
          if (match) clients.push(match[1]);
        },
      });
      await server.listen();
      replicas.push({ server, clients });
    }
    const addresses = {
      frontendPort,
      replicaPorts: ports.slice(1),
      adminSocket: path.join(folder, 'admin.sock'),
    };
    const config = path.join(folder, 'haproxy.cfg');
    await writeTestConfig(config, addresses);
    haproxy = await startHaproxy(config, addresses);
  }, 30_000);

  afterAll(async () => {
    await Promise.all(players.map((player) => player.dispose()));
    await haproxy?.stop();
    await Promise.all(replicas.map((replica) => replica.server.close()));
    replicas = [];
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('resumes every song cut by a dying replica on another, at its next sample', async () => {
    const runs = await Promise.all(
      Array.from({ length: PLAYERS }, async (_, index) => {
        const logLines: string[] = [];
        const player = new PlaybackService({ reconnect: QUICK, log: (l) => logLines.push(l) });
        players.push(player);
        const recorder = new StreamRecorder(player);
        await player.connect('127.0.0.1', frontendPort);
        const songId = index % 3;
        const { streamId } = await player.play({ songId });
        return { player, recorder, songId, streamId, logLines };
      }),
    );
    const songs = replicas[0].server.library.songs;
    const enough = () => runs.every((run) => run.recorder.secondsOf(run.streamId) >= 3);
    await runs[0].recorder.waitUntil(enough, 15_000, 'every player streaming');

    // The replica with the most players dies mid-song (4 players on 3 replicas: at least 2).
    const victim = replicas.reduce((a, b) => (b.clients.length > a.clients.length ? b : a));
    const cutCount = victim.clients.length;
    expect(cutCount).toBeGreaterThanOrEqual(2);
    const alive = replicas.filter((replica) => replica !== victim);
    const aliveBefore = alive.reduce((sum, replica) => sum + replica.clients.length, 0);
    await victim.server.close();

    for (const run of runs) await run.recorder.waitForEvent(run.streamId, 'ended', 40_000);
    const resumed = runs.filter((run) => run.logLines.some((l) => l.startsWith('Resumed song')));
    expect(resumed).toHaveLength(cutCount);
    for (const run of runs) {
      const kinds = run.recorder.eventsOf(run.streamId).map((event) => event.kind);
      expect(kinds.filter((kind) => kind !== 'cover')).toEqual(['started', 'ended']);
      const resumedLine = run.logLines.find((l) => l.startsWith('Resumed song'));
      const full = await fullPlay(songs[run.songId].absolutePath);
      // A player that was not cut got its song bit for bit; a cut one from its resume on too.
      const cutAt = resumedLine ? Number(/at sample (\d+)/.exec(resumedLine)?.[1]) : full[0].length;
      expectFullPlay(played(run.recorder, run.streamId), full, 0, cutAt);
      expect(run.player.getConnection().status).toBe('connected');
    }
    // Each cut player came back through HAProxy, once, to a replica that is alive.
    const aliveAfter = alive.reduce((sum, replica) => sum + replica.clients.length, 0);
    expect(aliveAfter - aliveBefore).toBe(cutCount);
  }, 90_000);
});
