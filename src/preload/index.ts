/**
 * Exposes exactly `TidewaveApi` to the page as `window.tidewave`. Runs sandboxed (CommonJS, only
 * `electron`'s renderer modules), so it stays a thin layer over ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IpcEvent,
  IpcInvoke,
  type IpcEventChannel,
  type IpcInvokeChannel,
} from '../shared/ipcChannels';
import type { AudioChunk, TidewaveApi, Unsubscribe } from '../shared/tidewaveApi';
import { cleanInvokeError } from './invokeError';

function invoke<T>(channel: IpcInvokeChannel, ...args: unknown[]): Promise<T> {
  return ipcRenderer.invoke(channel, ...args).catch((error: unknown) => {
    throw cleanInvokeError(error);
  }) as Promise<T>;
}

function subscribe<T>(channel: IpcEventChannel, listener: (payload: T) => void): Unsubscribe {
  const wrapped = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => void ipcRenderer.removeListener(channel, wrapped);
}

/** The DOM MessagePort as used here (this file is type-checked without the DOM library). */
interface AudioPort {
  onmessage: ((message: { data: AudioChunk }) => void) | null;
  close(): void;
}

// Audio arrives on a MessagePort that main sends once per page load.
const audioListeners = new Set<(chunk: AudioChunk) => void>();
let audioPort: AudioPort | null = null;
ipcRenderer.on(IpcEvent.AudioPort, (event: IpcRendererEvent) => {
  audioPort?.close();
  audioPort = (event.ports[0] as unknown as AudioPort | undefined) ?? null;
  if (!audioPort) return;
  // Setting onmessage starts the port.
  audioPort.onmessage = (message) => {
    for (const listener of audioListeners) listener(message.data);
  };
});

const api: TidewaveApi = {
  connect: (host, port) => invoke(IpcInvoke.Connect, host, port),
  disconnect: () => invoke(IpcInvoke.Disconnect),
  getConnection: () => invoke(IpcInvoke.GetConnection),
  listSongs: () => invoke(IpcInvoke.ListSongs),
  play: (request) => invoke(IpcInvoke.Play, request),
  stop: () => invoke(IpcInvoke.Stop),
  reportBuffer: (streamId, bufferedSeconds, receivedSeconds) =>
    ipcRenderer.send(IpcInvoke.ReportBuffer, streamId, bufferedSeconds, receivedSeconds),
  startHost: (request) => invoke(IpcInvoke.StartHost, request),
  stopHost: () => invoke(IpcInvoke.StopHost),
  getHost: () => invoke(IpcInvoke.GetHost),
  pickFolder: () => invoke(IpcInvoke.PickFolder),
  getSettings: () => invoke(IpcInvoke.GetSettings),
  setSettings: (patch) => invoke(IpcInvoke.SetSettings, patch),
  onConnectionChanged: (listener) => subscribe(IpcEvent.ConnectionChanged, listener),
  onHostChanged: (listener) => subscribe(IpcEvent.HostChanged, listener),
  onStreamEvent: (listener) => subscribe(IpcEvent.StreamEvent, listener),
  onAudio: (listener) => {
    audioListeners.add(listener);
    return () => void audioListeners.delete(listener);
  },
  onMediaKey: (listener) => subscribe(IpcEvent.MediaKey, listener),
};

contextBridge.exposeInMainWorld('tidewave', api);
