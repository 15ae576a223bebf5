import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reconnectOnWake } from '../../src/main/wakeReconnect';
import { PlaybackService } from '../../src/player';
import { startTestServer, type RunningServer } from '../support/serverHarness';

vi.mock('electron', () => ({}));

describe('reconnectOnWake', () => {
  let running: RunningServer | null = null;
  let service: PlaybackService | null = null;
  afterEach(async () => {
    await service?.dispose();
    await running?.server.close();
    service = running = null;
  });

  it('checks the connection on each resume until released', () => {
    const power = new EventEmitter();
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
    running = await startTestServer({ pacing: false });
    const port = running.port;
    // The first wait is a minute: only the wake-up can make it reconnect within the test.
    const minute = { initialMs: 60_000, maxMs: 60_000, jitter: 0, maxAttempts: 3 };
    service = new PlaybackService({ reconnect: minute });
    await service.connect('127.0.0.1', port);
    await running.server.close();
    await vi.waitFor(() => expect(service?.getConnection().status).toBe('reconnecting'));
    running = await startTestServer({ pacing: false, port });
    const power = new EventEmitter();
    reconnectOnWake(power, service);
    power.emit('resume');
    await vi.waitFor(() => expect(service?.getConnection().status).toBe('connected'), {
      timeout: 5000,
    });
  });
});
