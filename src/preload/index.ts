/**
 * Exposes exactly `TidewaveApi` to the page as `window.tidewave`. Runs sandboxed (CommonJS, only
 * `electron`'s renderer modules), so it stays a thin layer over ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IpcEvent,
  IpcInvoke,
  IpcPort,
  IpcSend,
  methodsOf,
  type EventMethod,
  type InvokeMethod,
  type SendMethod,
} from '../shared/ipcChannels';
import type { AudioChunk, TidewaveApi, Unsubscribe } from '../shared/tidewaveApi';
import { cleanInvokeError } from './invokeError';

/**
 * One forwarding function per entry of `table`. The cast is the one place the tables meet the
 * API type: each entry's channel carries exactly that method's arguments (see ipcChannels.ts).
 */
function forwarders<M extends keyof TidewaveApi>(
  table: Record<M, string>,
  forward: (channel: string) => (...args: unknown[]) => unknown,
): Pick<TidewaveApi, M> {
  const entries = methodsOf(table).map((method) => [method, forward(table[method])]);
  return Object.fromEntries(entries) as Pick<TidewaveApi, M>;
}

const invokers: Pick<TidewaveApi, InvokeMethod> = forwarders(
  IpcInvoke,
  (channel) =>
    (...args) =>
      ipcRenderer.invoke(channel, ...args).catch((error: unknown) => {
        throw cleanInvokeError(error);
      }),
);

const senders: Pick<TidewaveApi, SendMethod> = forwarders(
  IpcSend,
  (channel) =>
    (...args) =>
      ipcRenderer.send(channel, ...args),
);

const subscribers: Pick<TidewaveApi, EventMethod> = forwarders(
  IpcEvent,
  (channel) => (listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) =>
      (listener as (payload: unknown) => void)(payload);
    ipcRenderer.on(channel, wrapped);
    return (() => void ipcRenderer.removeListener(channel, wrapped)) satisfies Unsubscribe;
  },
);

/** The DOM MessagePort as used here (this file is type-checked without the DOM library). */
interface AudioPort {
  onmessage: ((message: { data: AudioChunk }) => void) | null;
  close(): void;
}

// Audio arrives on a MessagePort that main sends once per page load.
const audioListeners = new Set<(chunk: AudioChunk) => void>();
let audioPort: AudioPort | null = null;
ipcRenderer.on(IpcPort.onAudio, (event: IpcRendererEvent) => {
  audioPort?.close();
  audioPort = (event.ports[0] as unknown as AudioPort | undefined) ?? null;
  if (!audioPort) return;
  // Setting onmessage starts the port.
  audioPort.onmessage = (message) => {
    for (const listener of audioListeners) listener(message.data);
  };
});

const api: TidewaveApi = {
  ...invokers,
  ...senders,
  ...subscribers,
  onAudio: (listener) => {
    audioListeners.add(listener);
    return () => void audioListeners.delete(listener);
  },
};

contextBridge.exposeInMainWorld('tidewave', api);
