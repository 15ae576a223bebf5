import { EventEmitter } from 'node:events';
import { powerMonitor } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { reconnectOnWake } from '../../src/main/wakeReconnect';
import { PlaybackService } from '../../src/player';
import { fullPlay, played } from '../player/support/fullPlay';
import { pcmChecksum, StreamRecorder } from '../player/support/streamRecorder';
import { useTestServers } from '../support/serverHarness';

// Electron's powerMonitor as main passes it (startApp.ts): an emitter of 'suspend'/'resume'.
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return { powerMonitor: new Emitter() };
});
const power = powerMonitor as unknown as EventEmitter;

describe('reconnectOnWake', () => {
  const servers = useTestServers();

  it('checks the connection on each resume until released', () => {
    const power = new EventEmitter(); // a plain emitter will do here
    const playback = { checkConnection: vi.fn() };
    const release = reconnectOnWake(power, playback);
    power.emit('resume');
    power.emit('resume');
    expect(playback.checkConnection).toHaveBeenCalledTimes(2);
    release();
    power.emit('resume');
    expect(playback.checkConnection).toHaveBeenCalledTimes(2);
    expect(power.listenerCount('resume')).toBe(0);
  });

  it('makes a player waiting out a long backoff reconnect at once', async () => {
    const running = await servers.start({ pacing: false });
    const port = running.port;
    // The first wait is a minute: only the wake-up can make it reconnect within the test.
    const minute = { initialMs: 60_000, maxMs: 60_000, jitter: 0, maxAttempts: 3 };
    const service = new PlaybackService({ reconnect: minute });
    servers.onCleanup(() => service.dispose());
    await service.connect('127.0.0.1', port);
    await running.server.close();
    await vi.waitFor(() => expect(service.getConnection().status).toBe('reconnecting'));
    await servers.start({ pacing: false, port });
    const power = new EventEmitter();
    reconnectOnWake(power, service);
    power.emit('resume');
    await vi.waitFor(() => expect(service.getConnection().status).toBe('connected'), {
      timeout: 5000,
    });
  });

  it('mid-song: on waking, the song goes on from its next sample, the whole song bit for bit', async () => {
    const running = await servers.start({
      pacing: { burstSeconds: 1, rateFactor: 1, maxLeadSeconds: 2 },
    });
    const port = running.port;
    const minute = { initialMs: 60_000, maxMs: 60_000, jitter: 0, maxAttempts: 3 };
    const player = new PlaybackService({ reconnect: minute });
    servers.onCleanup(() => player.dispose());
    const recorder = new StreamRecorder(player);
    await player.connect('127.0.0.1', port);
    const song = running.server.library.songs[1];
    const { streamId } = await player.play({ songId: song.id });
    await recorder.waitUntil(() => recorder.secondsOf(streamId) >= 2, 10_000, 'some audio');
    power.emit('suspend');
    await running.server.close(); // the server went while the machine slept
    await vi.waitFor(() => expect(player.getConnection().status).toBe('reconnecting'));
    await servers.start({ pacing: false, port });
    const release = reconnectOnWake(powerMonitor, player);
    try {
      power.emit('resume');
      await recorder.waitForEvent(streamId, 'ended', 20_000);
    } finally {
      release();
    }
    expect(power.listenerCount('resume')).toBe(0);
    const full = await fullPlay(song.absolutePath);
    expect(pcmChecksum([played(recorder, streamId)])).toBe(pcmChecksum([full]));
    const kinds = recorder.eventsOf(streamId).map((event) => event.kind);
    expect(kinds.filter((kind) => kind !== 'cover')).toEqual(['started', 'ended']);
  }, 40_000);
});
