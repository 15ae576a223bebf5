import { describe, expect, it } from 'vitest';
import { IpcInvoke, IpcSend } from './ipcChannels';
import {
  IpcValidationError,
  ipcArgumentValidators,
  validateFolder,
  validateHost,
  validateIpcArgs,
  validatePort,
  validateSettingsPatch,
  validateCoverHash,
} from './ipcValidation';

function rejects(run: () => unknown, message: string | RegExp): void {
  expect(run).toThrow(IpcValidationError);
  expect(run).toThrow(message);
}

describe('IPC argument validation', () => {
  it('has a validator for every invoke and send method', () => {
    expect(Object.keys(ipcArgumentValidators).sort()).toEqual(
      [...Object.keys(IpcInvoke), ...Object.keys(IpcSend)].sort(),
    );
  });

  it('accepts host names and addresses, and refuses empty, long or spaced ones', () => {
    expect(validateHost('192.168.1.20')).toBe('192.168.1.20');
    expect(validateHost('music-box.local')).toBe('music-box.local');
    expect(validateHost('::1')).toBe('::1');
    rejects(() => validateHost(''), 'Invalid host');
    rejects(() => validateHost('a'.repeat(256)), 'at most 255 characters');
    rejects(() => validateHost('my host'), 'without spaces');
    rejects(() => validateHost(42), 'got 42');
  });

  it('takes ports from 1 to 65535, and 0 only where allowed', () => {
    expect(validatePort(1)).toBe(1);
    expect(validatePort(65535)).toBe(65535);
    expect(validatePort(0, { allowZero: true })).toBe(0);
    for (const bad of [0, -1, 65536, 80.5, '8080', NaN, null]) {
      rejects(() => validatePort(bad), 'Invalid port: must be an integer from 1 to 65535');
    }
  });

  it('takes absolute folders on POSIX and Windows only', () => {
    for (const good of ['/home/me/Music', 'C:\\Users\\me\\Music', 'd:/music', '\\\\nas\\music']) {
      expect(validateFolder(good)).toBe(good);
    }
    for (const bad of ['music', './music', '', 'C:music', '/music\0x', 7]) {
      rejects(() => validateFolder(bad), 'Invalid folder: must be an absolute path');
    }
  });

  it('checks connect arguments', () => {
    expect(validateIpcArgs('connect', ['127.0.0.1', 8080])).toEqual(['127.0.0.1', 8080]);
    rejects(() => validateIpcArgs('connect', ['127.0.0.1']), 'connection:connect: Invalid port');
    rejects(() => validateIpcArgs('connect', ['', 8080]), 'Invalid host');
  });

  it('checks play requests: song id, optional start, nothing else', () => {
    expect(validateIpcArgs('play', [{ songId: 3 }])).toEqual([{ songId: 3 }]);
    expect(validateIpcArgs('play', [{ songId: 0, startSeconds: 42.5 }])).toEqual([
      { songId: 0, startSeconds: 42.5 },
    ]);
    rejects(() => validateIpcArgs('play', [{ songId: -1 }]), 'Invalid songId');
    rejects(() => validateIpcArgs('play', [{ songId: 1.5 }]), 'non-negative integer');
    rejects(() => validateIpcArgs('play', [{ songId: 1, startSeconds: -2 }]), 'startSeconds');
    rejects(() => validateIpcArgs('play', [{ songId: 1, startSeconds: Infinity }]), 'finite');
    rejects(() => validateIpcArgs('play', [{ songId: 1, path: '/x' }]), 'unknown field "path"');
    rejects(() => validateIpcArgs('play', [7]), 'Invalid play request: must be an object');
  });

  it('checks buffer reports', () => {
    expect(validateIpcArgs('reportBuffer', [4, 2.5, 30])).toEqual([4, 2.5, 30]);
    expect(validateIpcArgs('reportBuffer', [4, 0, 0])).toEqual([4, 0, 0]);
    const bad: Array<[unknown[], string]> = [
      [[4, -0.1, 1], 'Invalid bufferedSeconds'],
      [[4, NaN, 1], 'Invalid bufferedSeconds'],
      [['4', 1, 1], 'Invalid streamId'],
      // What the renderer has received tells main what is still in flight: it is required.
      [[4, 1], 'Invalid receivedSeconds'],
      [[4, 1, -1], 'Invalid receivedSeconds'],
      [[4, 1, Infinity], 'Invalid receivedSeconds'],
      [[4, 1, '2'], 'Invalid receivedSeconds'],
    ];
    for (const [args, message] of bad) {
      rejects(() => validateIpcArgs('reportBuffer', args), message);
    }
  });

  it('checks pause reports: a boolean only', () => {
    expect(validateIpcArgs('reportPaused', [true])).toEqual([true]);
    expect(validateIpcArgs('reportPaused', [false])).toEqual([false]);
    for (const bad of [[], ['true'], [1], [0], [null], [{}]]) {
      rejects(() => validateIpcArgs('reportPaused', bad), 'Invalid paused');
    }
  });

  it('checks host requests, where port 0 means any free port', () => {
    const request = { folder: '/srv/music', port: 0, shareOnLan: true };
    expect(validateIpcArgs('startHost', [request])).toEqual([request]);
    rejects(
      () => validateIpcArgs('startHost', [{ ...request, folder: 'music' }]),
      'Invalid folder',
    );
    rejects(() => validateIpcArgs('startHost', [{ ...request, port: 70000 }]), 'from 0 to 65535');
    rejects(
      () => validateIpcArgs('startHost', [{ folder: '/srv/music', port: 8080 }]),
      'Invalid shareOnLan',
    );
  });

  it('checks settings patches: known keys, right types, volume from 0 to 1', () => {
    expect(validateSettingsPatch({})).toEqual({});
    expect(validateSettingsPatch({ volume: 0, onboarded: true, host: 'box', port: 9000 })).toEqual({
      volume: 0,
      onboarded: true,
      host: 'box',
      port: 9000,
    });
    rejects(
      () => validateSettingsPatch({ volume: 1.5 }),
      'Invalid volume: must be a number from 0 to 1',
    );
    expect(validateSettingsPatch({ unmutedVolume: 0.6 })).toEqual({ unmutedVolume: 0.6 });
    rejects(() => validateSettingsPatch({ unmutedVolume: 0 }), 'Invalid unmutedVolume');
    rejects(() => validateSettingsPatch({ onboarded: 'yes' }), 'Invalid onboarded');
    rejects(() => validateSettingsPatch({ port: 0 }), 'Invalid port');
    rejects(() => validateSettingsPatch({ theme: 'dark' }), 'unknown field "theme"');
    rejects(() => validateSettingsPatch(null), 'Invalid settings: must be an object');
    rejects(() => validateSettingsPatch([]), 'must be an object');
  });

  it('checks the resume point and the desktop toggles in a settings patch', () => {
    const resume = { host: '127.0.0.1', port: 8080, songId: 2, seconds: 14.25 };
    expect(validateSettingsPatch({ resume, keepPlayingInTray: true })).toEqual({
      resume,
      keepPlayingInTray: true,
    });
    expect(validateSettingsPatch({ resume: null })).toEqual({ resume: null });
    rejects(() => validateSettingsPatch({ resume: { ...resume, seconds: -1 } }), 'startSeconds');
    rejects(() => validateSettingsPatch({ resume: { ...resume, path: '/x' } }), 'unknown field');
    rejects(() => validateSettingsPatch({ notifyOnNewSong: 1 }), 'Invalid notifyOnNewSong');
  });

  it('checks what the page reports as playing', () => {
    const report = { status: 'paused', songId: 3, title: 'Glass Tide', artist: null };
    expect(validateIpcArgs('reportPlaying', [report])).toEqual([report]);
    rejects(() => validateIpcArgs('reportPlaying', [{ ...report, status: 'stopped' }]), 'status');
    rejects(() => validateIpcArgs('reportPlaying', [{ ...report, title: 7 }]), 'Invalid title');
    rejects(() => validateIpcArgs('reportPlaying', [{ ...report, extra: 1 }]), 'unknown field');
  });

  it('needs no arguments for the argument-less channels', () => {
    for (const channel of ['disconnect', 'listSongs', 'getSettings'] as const) {
      expect(validateIpcArgs(channel, [])).toEqual([]);
    }
  });

  it('checks host limits whole, each a whole number in its range, and listener ids', () => {
    const limits = { maxConnections: 10, maxConnectionsPerAddress: 2, requestTimeoutSeconds: 30 };
    expect(validateSettingsPatch({ hostLimits: limits })).toEqual({ hostLimits: limits });
    rejects(
      () => validateSettingsPatch({ hostLimits: { ...limits, maxConnections: 0 } }),
      'Invalid maxConnections: must be an integer from 1 to 10000',
    );
    rejects(
      () => validateSettingsPatch({ hostLimits: { ...limits, requestTimeoutSeconds: 2.5 } }),
      'Invalid requestTimeoutSeconds',
    );
    rejects(
      () => validateSettingsPatch({ hostLimits: { maxConnections: 10 } }),
      'Invalid maxConnectionsPerAddress',
    );
    rejects(
      () => validateSettingsPatch({ hostLimits: { ...limits, extra: 1 } }),
      'unknown field "extra"',
    );
    expect(validateIpcArgs('disconnectListener', [7])).toEqual([7]);
    rejects(() => validateIpcArgs('disconnectListener', ['7']), 'Invalid listener id');
    rejects(() => validateIpcArgs('disconnectListener', [-1]), 'Invalid listener id');
    expect(validateIpcArgs('disconnectAllListeners', [])).toEqual([]);
  });

  it('takes a cover hash only as 64 lowercase hex digits, never a path', () => {
    const hash = '0123456789abcdef'.repeat(4);
    expect(validateCoverHash(hash)).toBe(hash);
    rejects(() => validateCoverHash(hash.toUpperCase()), 'Invalid coverHash');
    rejects(() => validateCoverHash(`${hash}0`), 'Invalid coverHash');
    rejects(() => validateCoverHash(`../${hash.slice(3)}`), 'Invalid coverHash');
    rejects(() => validateCoverHash(null), 'Invalid coverHash');
    expect(validateIpcArgs('getCover', [2, hash])).toEqual([2, hash]);
    rejects(() => validateIpcArgs('getCover', [2.5, hash]), 'library:cover: Invalid songId');
  });
});
