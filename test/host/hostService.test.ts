import type { NetworkInterfaceInfo } from 'node:os';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HostService } from '../../src/host';
import { PlaybackService } from '../../src/player';
import type { HostState } from '../../src/shared/tidewaveApi';
import { BUNDLED_MUSIC } from '../support/serverHarness';
import { occupyPort, portOf } from '../support/ports';

const LAN: NodeJS.Dict<NetworkInterfaceInfo[]> = {
  eth0: [
    {
      address: '192.168.50.4',
      family: 'IPv4',
      internal: false,
      netmask: '255.255.255.0',
      mac: '00:00:00:00:00:01',
      cidr: '192.168.50.4/24',
    },
  ],
};

describe('HostService', () => {
  const host = new HostService({ pacing: false, networkInterfaces: () => LAN });
  const playback = new PlaybackService();
  afterEach(async () => {
    await playback.disconnect();
    await host.stop();
  });
  afterAll(async () => {
    await playback.dispose();
    await host.dispose();
  });

  it('hosts a folder on the loopback address, ready for a client', async () => {
    const changes: HostState[] = [];
    host.on('changed', (state) => changes.push(state));
    const state = await host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: false });
    host.removeAllListeners();
    expect(state).toMatchObject({
      running: true,
      folder: BUNDLED_MUSIC,
      host: '127.0.0.1',
      shareOnLan: false,
      songCount: 3,
      error: null,
    });
    expect(state.shareAddresses).toEqual([`127.0.0.1:${state.port}`]);
    expect(changes.at(-1)).toEqual(state);
    expect(host.getState()).toEqual(state);
    await playback.connect('127.0.0.1', state.port ?? 0);
    expect(await playback.listSongs()).toHaveLength(3);
  });

  it('binds every interface and lists the LAN addresses when shared', async () => {
    const state = await host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: true });
    expect(state.host).toBe('0.0.0.0');
    expect(state.shareAddresses).toEqual([`192.168.50.4:${state.port}`]);
    await playback.connect('127.0.0.1', state.port ?? 0); // 0.0.0.0 includes the loopback
    expect(playback.getConnection().status).toBe('connected');
  });

  it('stops, and a stopped host refuses connections', async () => {
    const { port } = await host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: false });
    expect(await host.stop()).toMatchObject({ running: false, port: null, error: null });
    await expect(playback.connect('127.0.0.1', port ?? 0)).rejects.toThrow('connection refused');
  });

  it('replaces a running server when started again', async () => {
    const first = await host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: false });
    const second = await host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: false });
    expect(second.running).toBe(true);
    await expect(playback.connect('127.0.0.1', first.port ?? 0)).rejects.toThrow('refused');
  });

  it('explains a port already in use, in the state and the rejection', async () => {
    const busy = await occupyPort(0);
    const port = portOf(busy);
    try {
      const message = `Port ${port} is already in use on 127.0.0.1`;
      await expect(host.start({ folder: BUNDLED_MUSIC, port, shareOnLan: false })).rejects.toThrow(
        message,
      );
      expect(host.getState()).toMatchObject({ running: false, error: message, port });
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('explains a missing folder, in the state and the rejection', async () => {
    const folder = '/nonexistent/tidewave-music';
    const message = `Music folder not found: ${folder}`;
    await expect(host.start({ folder, port: 0, shareOnLan: false })).rejects.toThrow(message);
    expect(host.getState()).toMatchObject({ running: false, error: message, folder });
  });
});
