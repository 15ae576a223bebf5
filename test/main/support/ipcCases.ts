import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { IpcInvoke, IpcSend } from '../../../src/shared/ipcChannels';

/** Services whose every method is a spy answering `result:<method>`. */
export function fakeServices() {
  const method = (name: string) => vi.fn(async (..._args: unknown[]) => `result:${name}`);
  const playback = Object.assign(new EventEmitter(), {
    connect: method('playback.connect'),
    disconnect: method('playback.disconnect'),
    getConnection: vi.fn(() => 'result:playback.getConnection'),
    listSongs: method('playback.listSongs'),
    play: method('playback.play'),
    stop: method('playback.stop'),
    reportBuffer: vi.fn(),
    setPaused: vi.fn(),
  });
  const host = Object.assign(new EventEmitter(), {
    start: method('host.start'),
    stop: method('host.stop'),
    getState: vi.fn(() => 'result:host.getState'),
    disconnectListener: method('host.disconnectListener'),
    disconnectAllListeners: method('host.disconnectAllListeners'),
    getActivity: vi.fn(() => 'result:host.getActivity'),
  });
  const settings = { load: method('settings.load'), update: method('settings.update') };
  const sharing = {
    foundLibraries: method('sharing.foundLibraries'),
    connectWithCode: method('sharing.connectWithCode'),
    setHostAccessCode: method('sharing.setHostAccessCode'),
    watchFound: vi.fn(() => () => {}),
  };
  const covers = { getCover: method('covers.getCover') };
  // AppServices' own methods (stopHosting), under a name of their own for the cases below.
  const app = { stopHosting: method('app.stopHosting') };
  return { playback, host, settings, sharing, covers, app, stopHosting: app.stopHosting };
}

/** For each channel: good arguments, the service call they must make, and bad arguments. */
export const CASES: Record<
  string,
  { good: unknown[]; expectCall: string; bad: Array<[unknown[], string]> }
> = {
  [IpcInvoke.connect]: {
    good: ['10.0.0.1', 8080],
    expectCall: 'playback.connect',
    bad: [
      [['', 8080], 'Invalid host'],
      [['10.0.0.1', 0], 'Invalid port'],
      [['a b', 80], 'without spaces'],
    ],
  },
  [IpcInvoke.disconnect]: { good: [], expectCall: 'playback.disconnect', bad: [] },
  [IpcInvoke.getConnection]: { good: [], expectCall: 'playback.getConnection', bad: [] },
  [IpcInvoke.listSongs]: { good: [], expectCall: 'playback.listSongs', bad: [] },
  [IpcInvoke.play]: {
    good: [{ songId: 2, startSeconds: 10 }],
    expectCall: 'playback.play',
    bad: [
      [[{ songId: -1 }], 'Invalid songId'],
      [[{ songId: 1, startSeconds: NaN }], 'Invalid startSeconds'],
      [[{ songId: 1, extra: true }], 'unknown field'],
      [[], 'Invalid play request'],
    ],
  },
  [IpcInvoke.stop]: { good: [], expectCall: 'playback.stop', bad: [] },
  [IpcSend.reportBuffer]: {
    good: [3, 1.5, 20],
    expectCall: 'playback.reportBuffer',
    bad: [
      [[3, -1, 1], 'Invalid bufferedSeconds'],
      [[-3, 1, 1], 'Invalid streamId'],
      [[3, 1], 'Invalid receivedSeconds'],
      [[3, 1, NaN], 'Invalid receivedSeconds'],
    ],
  },
  [IpcSend.reportPaused]: {
    good: [true],
    expectCall: 'playback.setPaused',
    bad: [
      [['true'], 'Invalid paused'],
      [[], 'Invalid paused'],
    ],
  },
  [IpcInvoke.startHost]: {
    good: [{ folder: '/srv/music', port: 0, shareOnLan: false }],
    expectCall: 'host.start',
    bad: [
      [[{ folder: 'music', port: 0, shareOnLan: false }], 'Invalid folder'],
      [[{ folder: '/srv/music', port: -1, shareOnLan: false }], 'Invalid port'],
    ],
  },
  [IpcInvoke.stopHost]: { good: [], expectCall: 'app.stopHosting', bad: [] },
  [IpcInvoke.getHost]: { good: [], expectCall: 'host.getState', bad: [] },
  [IpcInvoke.pickFolder]: { good: [], expectCall: 'pickFolder', bad: [] },
  [IpcInvoke.getHostActivity]: { good: [], expectCall: 'host.getActivity', bad: [] },
  [IpcInvoke.disconnectListener]: {
    good: [3],
    expectCall: 'host.disconnectListener',
    bad: [
      [['3'], 'Invalid listener id'],
      [[1.5], 'Invalid listener id'],
    ],
  },
  [IpcInvoke.disconnectAllListeners]: {
    good: [],
    expectCall: 'host.disconnectAllListeners',
    bad: [],
  },
  [IpcInvoke.getSettings]: { good: [], expectCall: 'settings.load', bad: [] },
  [IpcInvoke.setSettings]: {
    good: [{ volume: 0.5 }],
    expectCall: 'settings.update',
    bad: [
      [[{ volume: 2 }], 'Invalid volume'],
      [[{ colour: 'red' }], 'unknown field'],
    ],
  },
  [IpcSend.reportPlaying]: {
    good: [{ status: 'playing', songId: 2, title: 'Night Ferry', artist: null }],
    expectCall: 'onPlaying',
    bad: [
      [[{ status: 'loud', songId: 2, title: null, artist: null }], 'Invalid status'],
      [[{ status: 'idle', songId: -1, title: null, artist: null }], 'Invalid songId'],
      [[{ status: 'idle', songId: null, title: 'x'.repeat(2000), artist: null }], 'title'],
    ],
  },
  [IpcInvoke.getFoundLibraries]: { good: [], expectCall: 'sharing.foundLibraries', bad: [] },
  [IpcInvoke.connectWithCode]: {
    good: ['10.0.0.1', 8080, 'harbour seal'],
    expectCall: 'sharing.connectWithCode',
    bad: [
      [['10.0.0.1', 8080, ''], 'Invalid access code'],
      [['10.0.0.1', 8080, 'x'.repeat(1025)], 'Invalid access code'],
      [['10.0.0.1', 0, 'seal'], 'Invalid port'],
    ],
  },
  [IpcInvoke.setHostAccessCode]: {
    good: ['harbour seal'],
    expectCall: 'sharing.setHostAccessCode',
    bad: [
      [[42], 'Invalid access code'],
      [['a\0b'], 'Invalid access code'],
    ],
  },
  [IpcInvoke.getCover]: {
    good: [4, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    expectCall: 'covers.getCover',
    bad: [
      [[4, '../../etc/passwd'], 'Invalid coverHash'],
      [
        [4, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        'Invalid coverHash',
      ],
      [[-1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'], 'Invalid songId'],
      [[4], 'Invalid coverHash'],
    ],
  },
};
