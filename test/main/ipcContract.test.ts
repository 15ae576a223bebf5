import type { BrowserWindow, IpcMain } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { registerIpcHandlers, type IpcServices } from '../../src/main/ipcHandlers';
import {
  IpcEvent,
  IpcInvoke,
  IpcPort,
  IpcSend,
  type EventPayload,
  type InvokeHandlers,
  type InvokeMethod,
  type IpcArgs,
  type IpcResult,
  type SendHandlers,
  type SendMethod,
} from '../../src/shared/ipcChannels';
import { ipcArgumentValidators } from '../../src/shared/ipcValidation';
import type {
  ConnectionState,
  HostRequest,
  LibraryChange,
  MediaKey,
  PlayStarted,
  SongInfo,
} from '../../src/shared/tidewaveApi';
import { FakeIpcMain, fakeWindow } from './support/fakeIpcMain';

vi.mock('electron', () => ({}));

const INVOKE_METHODS = Object.keys(IpcInvoke);
const SEND_METHODS = Object.keys(IpcSend);

describe('the IPC contract', () => {
  it('has a validator for every invoke and send method, and nothing else', () => {
    expect(Object.keys(ipcArgumentValidators).sort()).toEqual(
      [...INVOKE_METHODS, ...SEND_METHODS].sort(),
    );
    for (const validator of Object.values(ipcArgumentValidators)) {
      expect(validator).toBeTypeOf('function');
    }
  });

  it('has a handler in main for every invoke and send channel, and nothing else', () => {
    const ipcMain = new FakeIpcMain();
    const { window } = fakeWindow();
    const emitter = { on: () => {}, off: () => {}, getState: () => ({ folder: null }) };
    registerIpcHandlers(
      ipcMain as unknown as IpcMain,
      { playback: emitter, host: emitter, settings: {} } as unknown as IpcServices,
      () => window as unknown as BrowserWindow,
      { pickFolder: async () => null, hostableFolders: [] },
    );
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(IpcInvoke).sort());
    const listened = [...ipcMain.listeners].filter(([, listeners]) => listeners.length > 0);
    expect(listened.map(([channel]) => channel).sort()).toEqual(Object.values(IpcSend).sort());
  });

  it('covers every method of the API exactly once across its tables', () => {
    const methods = [
      ...INVOKE_METHODS,
      ...SEND_METHODS,
      ...Object.keys(IpcEvent),
      ...Object.keys(IpcPort),
    ];
    expect(new Set(methods).size).toBe(methods.length);
  });
});

/**
 * Checked by `tsc -p tsconfig.node.json` (npm run typecheck), never run: each `@ts-expect-error`
 * line must be a type error, or the typecheck fails ("unused directive").
 */
export function typeLevelContract(): void {
  expectTypeOf<InvokeMethod>().toEqualTypeOf<
    | 'connect'
    | 'disconnect'
    | 'getConnection'
    | 'listSongs'
    | 'play'
    | 'stop'
    | 'startHost'
    | 'stopHost'
    | 'getHost'
    | 'disconnectListener'
    | 'disconnectAllListeners'
    | 'pickFolder'
    | 'getSettings'
    | 'setSettings'
    | 'getFoundLibraries'
    | 'connectWithCode'
    | 'setHostAccessCode'
    | 'getCover'
    | 'getHostActivity'
  >();
  expectTypeOf<SendMethod>().toEqualTypeOf<'reportBuffer' | 'reportPlaying' | 'reportPaused'>();
  expectTypeOf<IpcArgs<'reportPaused'>>().toEqualTypeOf<[boolean]>();
  expectTypeOf<IpcArgs<'connect'>>().toEqualTypeOf<[string, number]>();
  expectTypeOf<IpcArgs<'startHost'>>().toEqualTypeOf<[HostRequest]>();
  expectTypeOf<IpcResult<'listSongs'>>().toEqualTypeOf<SongInfo[]>();
  expectTypeOf<IpcResult<'play'>>().toEqualTypeOf<PlayStarted>();
  expectTypeOf<EventPayload<'onConnectionChanged'>>().toEqualTypeOf<ConnectionState>();
  expectTypeOf<EventPayload<'onMediaKey'>>().toEqualTypeOf<MediaKey>();
  expectTypeOf<EventPayload<'onLibraryChanged'>>().toEqualTypeOf<LibraryChange>();

  const state = {} as ConnectionState;
  const wrongHandlers: Partial<InvokeHandlers> = {
    // @ts-expect-error the arguments in the wrong order
    connect: (port: number, host: string) => ({ ...state, host, port }),
    // @ts-expect-error the wrong answer: a song count instead of the songs
    listSongs: async () => 3,
    // @ts-expect-error a play request is an object, not a song id
    play: async (songId: number) => ({ streamId: 1, songId, startSeconds: 0 }),
  };
  // @ts-expect-error a handler missing: every send method needs one
  const missingSend: SendHandlers = {};
  // @ts-expect-error a validator must return the method's arguments, typed
  ipcArgumentValidators.connect = () => ['127.0.0.1', '8080'];
  // @ts-expect-error a channel for a method TidewaveApi does not have
  void ({ ...IpcInvoke, shuffle: 'library:shuffle' } satisfies Record<InvokeMethod, string>);
  void [wrongHandlers, missingSend];
}
