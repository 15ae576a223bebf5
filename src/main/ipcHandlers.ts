import type { BrowserWindow, IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { AppServices } from '../player';
import { IpcEvent, IpcInvoke, type IpcInvokeChannel } from '../shared/ipcChannels';
import { validateIpcArgs, type IpcInvokeArgs } from '../shared/ipcValidation';
import type { HostState, MediaKey } from '../shared/tidewaveApi';
import { HostableFolders } from './hostableFolders';

export type IpcServices = Pick<AppServices, 'playback' | 'host' | 'settings'>;

export interface IpcOptions {
  /** Shows the folder chooser; resolves to the chosen absolute path, or null. */
  pickFolder: (window: BrowserWindow | null) => Promise<string | null>;
  /**
   * Folders the page may host besides those picked through `pickFolder` and those the host
   * service hosts: the bundled music and the one hosted when the app last ran.
   */
  hostableFolders: ReadonlyArray<string | null>;
  log?: (message: string) => void;
}

export interface IpcRegistration {
  sendMediaKey(key: MediaKey): void;
  /** Lets the page host `folder`, chosen in main (the menu's folder picker). */
  allowHostFolder(folder: string): void;
  /** Removes every handler and event forwarder. */
  dispose(): void;
}

type Handlers = { [C in IpcInvokeChannel]: (...args: IpcInvokeArgs[C]) => unknown };

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
  const { playback, host, settings } = services;
  const log = options.log ?? (() => {});
  const hostable = new HostableFolders([...options.hostableFolders, host.getState().folder]);
  const handlers: Handlers = {
    [IpcInvoke.Connect]: (address, port) => playback.connect(address, port),
    [IpcInvoke.Disconnect]: () => playback.disconnect(),
    [IpcInvoke.GetConnection]: () => playback.getConnection(),
    [IpcInvoke.ListSongs]: () => playback.listSongs(),
    [IpcInvoke.Play]: (request) => playback.play(request),
    [IpcInvoke.Stop]: () => playback.stop(),
    [IpcInvoke.ReportBuffer]: (streamId, buffered, received) =>
      playback.reportBuffer(streamId, buffered, received),
    [IpcInvoke.StartHost]: (request) => {
      hostable.check(request.folder);
      return host.start(request);
    },
    [IpcInvoke.StopHost]: () => host.stop(),
    [IpcInvoke.GetHost]: () => host.getState(),
    [IpcInvoke.PickFolder]: async () => {
      const folder = await options.pickFolder(getWindow());
      hostable.allow(folder);
      return folder;
    },
    [IpcInvoke.GetSettings]: () => settings.load(),
    [IpcInvoke.SetSettings]: (patch) => settings.update(patch),
  };
  const call = (
    channel: IpcInvokeChannel,
    event: IpcMainEvent | IpcMainInvokeEvent,
    args: unknown[],
  ) => {
    const window = getWindow();
    if (!window || window.isDestroyed() || event.sender !== window.webContents) {
      throw new Error(`${channel}: refused, not from the app window`);
    }
    const valid = validateIpcArgs(channel, args);
    return (handlers[channel] as (...a: unknown[]) => unknown)(...valid);
  };

  // Fire-and-forget: the renderer reports its buffer several times a second.
  const onReport = (event: IpcMainEvent, ...args: unknown[]) => {
    try {
      call(IpcInvoke.ReportBuffer, event, args);
    } catch (error) {
      log(String(error));
    }
  };
  const invokeChannels = Object.values(IpcInvoke).filter((c) => c !== IpcInvoke.ReportBuffer);
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => call(channel, event, args));
  }
  ipcMain.on(IpcInvoke.ReportBuffer, onReport);

  const send = (channel: string, payload: unknown) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
  };
  const forwarders = [
    forward(playback, 'connection', (state) => send(IpcEvent.ConnectionChanged, state)),
    forward(playback, 'stream', (event) => send(IpcEvent.StreamEvent, event)),
    forward(host, 'changed', (state: HostState) => {
      hostable.allow(state.folder); // hosted, or tried: the page may retry it, on another port say
      send(IpcEvent.HostChanged, state);
    }),
  ];

  return {
    sendMediaKey: (key) => send(IpcEvent.MediaKey, key),
    allowHostFolder: (folder) => hostable.allow(folder),
    dispose() {
      for (const channel of invokeChannels) ipcMain.removeHandler(channel);
      ipcMain.removeListener(IpcInvoke.ReportBuffer, onReport);
      for (const remove of forwarders) remove();
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
