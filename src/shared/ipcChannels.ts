/**
 * The IPC contract, derived from `TidewaveApi`: each method is one entry in one of these tables,
 * and its arguments, answer and event payload are the method's own types. The preload builds the
 * API from the tables and main's handlers are typed by them, so adding a method means one entry
 * here plus its validator (ipcValidation.ts), and a mismatch anywhere is a type error.
 */
import type { TidewaveApi } from './tidewaveApi';

type ApiMethod = keyof TidewaveApi;
type MethodsReturning<R> = {
  [M in ApiMethod]: ReturnType<TidewaveApi[M]> extends R ? M : never;
}[ApiMethod];

/** Methods that subscribe to main's events: `onX(listener)`. */
export type SubscribeMethod = Extract<ApiMethod, `on${string}`>;
/** Request and answer: ipcRenderer.invoke → ipcMain.handle. */
export type InvokeMethod = Exclude<MethodsReturning<Promise<unknown>>, SubscribeMethod>;
/** Fire and forget: ipcRenderer.send → ipcMain.on. */
export type SendMethod = Exclude<MethodsReturning<void>, SubscribeMethod>;

export const IpcInvoke = {
  connect: 'connection:connect',
  disconnect: 'connection:disconnect',
  getConnection: 'connection:get',
  listSongs: 'library:list',
  play: 'playback:play',
  stop: 'playback:stop',
  startHost: 'host:start',
  stopHost: 'host:stop',
  getHost: 'host:get',
  disconnectListener: 'host:disconnect-listener',
  disconnectAllListeners: 'host:disconnect-all-listeners',
  pickFolder: 'host:pick-folder',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  getFoundLibraries: 'discovery:get',
  connectWithCode: 'connection:connect-with-code',
  setHostAccessCode: 'host:set-access-code',
  getCover: 'library:cover',
  getHostActivity: 'host:activity',
} as const satisfies Record<InvokeMethod, string>;

/** The renderer reports its buffer several times a second: no answer is awaited. */
export const IpcSend = {
  reportBuffer: 'playback:report-buffer',
  reportPlaying: 'playback:report-playing',
  reportPaused: 'playback:report-paused',
} as const satisfies Record<SendMethod, string>;

/** Audio is not an event: main sends one MessagePort on this channel, chunks flow over it. */
export const IpcPort = {
  onAudio: 'playback:audio-port',
} as const satisfies Partial<Record<SubscribeMethod, string>>;

/** Events from main to the renderer, each the payload of one `onX` listener. */
export const IpcEvent = {
  onConnectionChanged: 'connection:changed',
  onHostChanged: 'host:changed',
  onStreamEvent: 'playback:stream-event',
  onMediaKey: 'app:media-key',
  onLibraryChanged: 'library:changed',
  onLibrariesFound: 'discovery:found',
  onHostActivity: 'host:activity-changed',
} as const satisfies Record<Exclude<SubscribeMethod, keyof typeof IpcPort>, string>;

export type EventMethod = keyof typeof IpcEvent;

/** The arguments a method's channel carries, in order. */
export type IpcArgs<M extends InvokeMethod | SendMethod> = Parameters<TidewaveApi[M]>;
/** What an invoke channel answers. */
export type IpcResult<M extends InvokeMethod> = Awaited<ReturnType<TidewaveApi[M]>>;
/** What an event channel carries: the argument of the method's listener. */
export type EventPayload<M extends EventMethod> = Parameters<Parameters<TidewaveApi[M]>[0]>[0];

export type IpcInvokeChannel = (typeof IpcInvoke)[InvokeMethod];
export type IpcEventChannel = (typeof IpcEvent)[EventMethod];

/** Main's side of every invoke method: same arguments, same answer (or a promise of it). */
export type InvokeHandlers = {
  [M in InvokeMethod]: (...args: IpcArgs<M>) => IpcResult<M> | Promise<IpcResult<M>>;
};
/** Main's side of every send method. */
export type SendHandlers = { [M in SendMethod]: (...args: IpcArgs<M>) => void };

/** Typed `Object.keys` of a channel table. */
export function methodsOf<T extends object>(table: T): Array<keyof T & string> {
  return Object.keys(table) as Array<keyof T & string>;
}
