import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IpcEvent, IpcInvoke, IpcPort, IpcSend } from '../../src/shared/ipcChannels';
import type { AudioChunk, TidewaveApi } from '../../src/shared/tidewaveApi';

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const renderer = Object.assign(new Emitter(), {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
    send: vi.fn(),
  });
  const exposed: Record<string, unknown> = {};
  return {
    ipcRenderer: renderer,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    exposed,
  };
});

type FakeRenderer = EventEmitter & {
  invoke: ReturnType<typeof vi.fn>;
  send: ReturnType<typeof vi.fn>;
};

let api: TidewaveApi;
let ipcRenderer: FakeRenderer;

beforeAll(async () => {
  const electron = (await import('electron')) as unknown as {
    exposed: { tidewave: TidewaveApi };
    ipcRenderer: FakeRenderer;
  };
  await import('../../src/preload/index');
  api = electron.exposed.tidewave;
  ipcRenderer = electron.ipcRenderer;
});

describe('preload bridge', () => {
  it('exposes exactly the TidewaveApi methods', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'connect',
        'disconnect',
        'getConnection',
        'listSongs',
        'play',
        'stop',
        'reportBuffer',
        'reportPlaying',
        'reportPaused',
        'startHost',
        'stopHost',
        'getHost',
        'disconnectListener',
        'disconnectAllListeners',
        'pickFolder',
        'getSettings',
        'setSettings',
        'getCover',
        'onConnectionChanged',
        'onHostChanged',
        'onStreamEvent',
        'onAudio',
        'onMediaKey',
        'onLibraryChanged',
        'getFoundLibraries',
        'onLibrariesFound',
        'connectWithCode',
        'setHostAccessCode',
        'getHostActivity',
        'onHostActivity',
      ].sort(),
    );
  });

  it('invokes the right channel with the arguments', async () => {
    const calls: Array<[() => Promise<unknown>, string, unknown[]]> = [
      [() => api.connect('h', 1), IpcInvoke.connect, ['h', 1]],
      [() => api.disconnect(), IpcInvoke.disconnect, []],
      [() => api.getConnection(), IpcInvoke.getConnection, []],
      [() => api.listSongs(), IpcInvoke.listSongs, []],
      [() => api.play({ songId: 1 }), IpcInvoke.play, [{ songId: 1 }]],
      [() => api.stop(), IpcInvoke.stop, []],
      [
        () => api.startHost({ folder: '/m', port: 0, shareOnLan: false }),
        IpcInvoke.startHost,
        [{ folder: '/m', port: 0, shareOnLan: false }],
      ],
      [() => api.stopHost(), IpcInvoke.stopHost, []],
      [() => api.getHost(), IpcInvoke.getHost, []],
      [() => api.pickFolder(), IpcInvoke.pickFolder, []],
      [() => api.getSettings(), IpcInvoke.getSettings, []],
      [() => api.setSettings({ volume: 1 }), IpcInvoke.setSettings, [{ volume: 1 }]],
      [
        () => api.getCover(3, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
        IpcInvoke.getCover,
        [3, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
      ],
    ];
    for (const [run, channel, args] of calls) {
      expect(await run()).toEqual({ channel, args });
    }
  });

  it('sends buffer reports one way', () => {
    api.reportBuffer(4, 2.5, 12.25);
    expect(ipcRenderer.send).toHaveBeenCalledWith(IpcSend.reportBuffer, 4, 2.5, 12.25);
  });

  it('sends pause reports one way', () => {
    api.reportPaused(true);
    expect(ipcRenderer.send).toHaveBeenCalledWith(IpcSend.reportPaused, true);
  });

  it('drops Electron\'s "Error invoking remote method" prefix from failures', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(
      new Error("Error invoking remote method 'library:list': Error: Not connected to a server"),
    );
    await expect(api.listSongs()).rejects.toThrow(/^Not connected to a server$/);
  });

  it('subscribes to events and unsubscribes', () => {
    const cases: Array<[(l: (p: unknown) => void) => () => void, string]> = [
      [(l) => api.onConnectionChanged(l), IpcEvent.onConnectionChanged],
      [(l) => api.onHostChanged(l), IpcEvent.onHostChanged],
      [(l) => api.onStreamEvent(l), IpcEvent.onStreamEvent],
      [(l) => api.onMediaKey(l), IpcEvent.onMediaKey],
      [(l) => api.onLibraryChanged(l), IpcEvent.onLibraryChanged],
    ];
    for (const [subscribe, channel] of cases) {
      const listener = vi.fn();
      const unsubscribe = subscribe(listener);
      ipcRenderer.emit(channel, {}, 'payload');
      unsubscribe();
      ipcRenderer.emit(channel, {}, 'again');
      expect(listener.mock.calls, channel).toEqual([['payload']]);
      expect(ipcRenderer.listenerCount(channel)).toBe(0);
    }
  });

  it('delivers audio from the port main hands over', () => {
    const port = { onmessage: null as null | ((m: { data: AudioChunk }) => void), close: vi.fn() };
    ipcRenderer.emit(IpcPort.onAudio, { ports: [port] });
    const listener = vi.fn();
    const unsubscribe = api.onAudio(listener);
    const chunk = { streamId: 1, sampleRate: 44100, channels: [new Float32Array(2)] };
    port.onmessage?.({ data: chunk });
    unsubscribe();
    port.onmessage?.({ data: chunk });
    expect(listener.mock.calls).toEqual([[chunk]]);

    const next = { onmessage: null, close: vi.fn() };
    ipcRenderer.emit(IpcPort.onAudio, { ports: [next] }); // after a reload
    expect(port.close).toHaveBeenCalled();
  });
});
