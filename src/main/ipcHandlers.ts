import type { BrowserWindow, IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { AppServices } from '../appServices';
import {
  IpcEvent,
  IpcInvoke,
  IpcSend,
  methodsOf,
  type EventMethod,
  type EventPayload,
  type InvokeHandlers,
  type SendHandlers,
} from '../shared/ipcChannels';
import { channelOf, validateIpcArgs, type IpcMethod } from '../shared/ipcValidation';
import type {
  ConnectionState,
  HostActivity,
  HostState,
  LibraryChange,
  MediaKey,
  PlayingReport,
  StreamEvent,
} from '../shared/tidewaveApi';
import { HostableFolders } from './hostableFolders';
import type { LibrarySharing } from './librarySharing';

export type IpcServices = Pick<
  AppServices,
  'playback' | 'host' | 'settings' | 'covers' | 'stopHosting'
>;

export interface IpcOptions {
  /** Shows the folder chooser; resolves to the chosen absolute path, or null. */
  pickFolder: (window: BrowserWindow | null) => Promise<string | null>;
  /**
   * Folders the page may host besides those picked through `pickFolder` and those the host
   * service hosts: the bundled music and the one hosted when the app last ran.
   */
  hostableFolders: ReadonlyArray<string | null>;
  log?: (message: string) => void;
  /** What the page says it plays (the tray, notifications, the sleep blocker). */
  onPlaying?: (report: PlayingReport) => void;
  /** Discovery and access codes (issue 13); without it nothing is found and codes are refused. */
  sharing?: LibrarySharing;
}

export interface IpcRegistration {
  sendMediaKey(key: MediaKey): void;
  /** Lets the page host `folder`, chosen in main (the menu's folder picker). */
  allowHostFolder(folder: string): void;
  /** Removes every handler and event forwarder. */
  dispose(): void;
}

/**
 * Wires every invoke channel to the services, each argument validated first; a failure rejects
 * the invoke with a readable message. Only the app window may call, and it may host only folders
 * the person chose (see HostableFolders). Service events go to that window. Audio does not travel
 * here (see AudioPortForwarder).
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>,
  services: IpcServices,
  getWindow: () => BrowserWindow | null,
  options: IpcOptions,
): IpcRegistration {
  const { playback, host, settings, covers } = services;
  const log = options.log ?? (() => {});
  const hostable = new HostableFolders([...options.hostableFolders, host.getState().folder]);
  const handlers: InvokeHandlers = {
    connect: (address, port) => playback.connect(address, port),
    disconnect: () => playback.disconnect(),
    getConnection: () => playback.getConnection(),
    listSongs: () => playback.listSongs(),
    play: (request) => playback.play(request),
    stop: () => playback.stop(),
    startHost: (request) => {
      hostable.check(request.folder);
      return host.start(request);
    },
    stopHost: () => services.stopHosting(),
    getHost: () => host.getState(),
    disconnectListener: (id) => host.disconnectListener(id),
    disconnectAllListeners: () => host.disconnectAllListeners(),
    getHostActivity: () => host.getActivity(),
    pickFolder: async () => {
      const folder = await options.pickFolder(getWindow());
      hostable.allow(folder);
      return folder;
    },
    getSettings: () => settings.load(),
    setSettings: (patch) => settings.update(patch),
    getFoundLibraries: () => options.sharing?.foundLibraries() ?? [],
    connectWithCode: (address, port, code) => sharingOrFail().connectWithCode(address, port, code),
    setHostAccessCode: (code) => sharingOrFail().setHostAccessCode(code),
    getCover: (songId, coverHash) => covers.getCover(songId, coverHash),
  };
  function sharingOrFail(): LibrarySharing {
    if (!options.sharing) throw new Error('Access codes are not available in this window');
    return options.sharing;
  }
  const sendHandlers: SendHandlers = {
    reportBuffer: (streamId, buffered, received) =>
      playback.reportBuffer(streamId, buffered, received),
    reportPlaying: (report) => options.onPlaying?.(report),
    reportPaused: (paused) => playback.setPaused(paused),
  };
  const all = { ...handlers, ...sendHandlers };
  const call = (method: IpcMethod, event: IpcMainEvent | IpcMainInvokeEvent, args: unknown[]) => {
    const window = getWindow();
    if (!window || window.isDestroyed() || event.sender !== window.webContents) {
      throw new Error(`${channelOf(method)}: refused, not from the app window`);
    }
    const valid = validateIpcArgs(method, args);
    // validateIpcArgs returned IpcArgs<method>: exactly this handler's parameters.
    return (all[method] as (...a: unknown[]) => unknown)(...valid);
  };

  for (const method of methodsOf(IpcInvoke)) {
    ipcMain.handle(IpcInvoke[method], async (event, ...args: unknown[]) =>
      call(method, event, args),
    );
  }
  // A send has nobody to answer: a refusal is logged.
  const sendListeners = methodsOf(IpcSend).map((method) => {
    const listener = (event: IpcMainEvent, ...args: unknown[]) => {
      try {
        call(method, event, args);
      } catch (error) {
        log(String(error));
      }
    };
    ipcMain.on(IpcSend[method], listener);
    return () => void ipcMain.removeListener(IpcSend[method], listener);
  });

  const send = <M extends EventMethod>(method: M, payload: EventPayload<M>) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(IpcEvent[method], payload);
  };
  const forwarders = [
    forward(playback, 'connection', (state: ConnectionState) => send('onConnectionChanged', state)),
    forward(playback, 'stream', (event: StreamEvent) => send('onStreamEvent', event)),
    forward(playback, 'library', (change: LibraryChange) => send('onLibraryChanged', change)),
    forward(host, 'changed', (state: HostState) => {
      hostable.allow(state.folder); // hosted, or tried: the page may retry it, on another port say
      send('onHostChanged', state);
    }),
    forward(host, 'activity', (activity: HostActivity) => send('onHostActivity', activity)),
    options.sharing?.watchFound((libraries) => send('onLibrariesFound', libraries)) ?? (() => {}),
  ];

  return {
    sendMediaKey: (key) => send('onMediaKey', key),
    allowHostFolder: (folder) => hostable.allow(folder),
    dispose() {
      for (const method of methodsOf(IpcInvoke)) ipcMain.removeHandler(IpcInvoke[method]);
      for (const remove of [...sendListeners, ...forwarders]) remove();
    },
  };
}

interface Emitter<E extends string, A> {
  on(event: E, listener: (arg: A) => void): unknown;
  off(event: E, listener: (arg: A) => void): unknown;
}

function forward<E extends string, A>(
  emitter: Emitter<E, A>,
  event: E,
  listener: (arg: A) => void,
) {
  emitter.on(event, listener);
  return () => void emitter.off(event, listener);
}
