/**
 * Every IPC channel between main, preload and renderer, named once. Invoke channels answer a
 * request; event channels flow from main to the renderer.
 */
export const IpcInvoke = {
  Connect: 'connection:connect',
  Disconnect: 'connection:disconnect',
  GetConnection: 'connection:get',
  ListSongs: 'library:list',
  Play: 'playback:play',
  Stop: 'playback:stop',
  ReportBuffer: 'playback:report-buffer',
  StartHost: 'host:start',
  StopHost: 'host:stop',
  GetHost: 'host:get',
  PickFolder: 'host:pick-folder',
  GetSettings: 'settings:get',
  SetSettings: 'settings:set',
} as const;

export const IpcEvent = {
  ConnectionChanged: 'connection:changed',
  HostChanged: 'host:changed',
  StreamEvent: 'playback:stream-event',
  /** Main sends the renderer a MessagePort on this channel; PCM chunks flow over the port. */
  AudioPort: 'playback:audio-port',
  MediaKey: 'app:media-key',
} as const;

export type IpcInvokeChannel = (typeof IpcInvoke)[keyof typeof IpcInvoke];
export type IpcEventChannel = (typeof IpcEvent)[keyof typeof IpcEvent];
