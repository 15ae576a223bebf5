import { FRAME_READER_SOURCE } from './frameReaderSource';

/**
 * Runs in the page before the app (addInitScript): defines `window.tidewave` like the preload
 * does, forwarding invoke (and send) methods to the `__twInvoke` binding (results come as JSON
 * text, see TestBridge.install). Events come on one stream the page opens on its own origin,
 * `prefix + 'events'` (its CSP, `connect-src 'self'`, allows it), one frame an event, audio as
 * raw Float32 bytes (bridgeFrames.ts): no base64, no JSON for samples, no page.evaluate.
 * `__twDispatched` counts the events dispatched in this load of the page (TestBridge.flushed).
 * Plain JavaScript in a string, so no transpiler helper can leak into the page.
 */
export function pageBridgeScript(prefix: string): string {
  return `(() => {
  const listeners = { connection: new Set(), host: new Set(), stream: new Set(), audio: new Set(), mediaKey: new Set(), library: new Set(), found: new Set(), activity: new Set() };
  const call = async (method, args) => {
    const json = await window.__twInvoke(method, args);
    return json === undefined ? undefined : JSON.parse(json);
  };
  const invoke = (method) => (...args) => call(method, args);
  const send = (method) => (...args) => {
    void call(method, args).catch(() => undefined);
  };
  const on = (kind) => (listener) => {
    listeners[kind].add(listener);
    return () => listeners[kind].delete(listener);
  };
  window.__TIDEWAVE_ENABLE_TEST_HOOKS__ = true;
  window.__twDispatched = 0;
  const dispatch = (kind, payload) => {
    for (const listener of listeners[kind] ?? []) {
      try {
        listener(payload);
      } catch (error) {
        // As an exception in an IPC listener would: seen, and the stream goes on.
        setTimeout(() => {
          throw error;
        });
      }
    }
    window.__twDispatched += 1;
  };
  const read = (${FRAME_READER_SOURCE})(dispatch);
  void (async () => {
    const response = await fetch(${JSON.stringify(prefix + 'events')}, { cache: 'no-store' });
    const reader = response.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      read(value);
    }
  })().catch(() => undefined); // the page is going away
  window.tidewave = {
    connect: invoke('connect'),
    disconnect: invoke('disconnect'),
    getConnection: invoke('getConnection'),
    listSongs: invoke('listSongs'),
    play: invoke('play'),
    stop: invoke('stop'),
    reportBuffer: send('reportBuffer'),
    reportPlaying: send('reportPlaying'),
    reportPaused: send('reportPaused'),
    startHost: invoke('startHost'),
    stopHost: invoke('stopHost'),
    getHost: invoke('getHost'),
    disconnectListener: invoke('disconnectListener'),
    disconnectAllListeners: invoke('disconnectAllListeners'),
    pickFolder: invoke('pickFolder'),
    getSettings: invoke('getSettings'),
    setSettings: invoke('setSettings'),
    getCover: invoke('getCover'),
    onConnectionChanged: on('connection'),
    onHostChanged: on('host'),
    onStreamEvent: on('stream'),
    onAudio: on('audio'),
    onMediaKey: on('mediaKey'),
    onLibraryChanged: on('library'),
    getFoundLibraries: invoke('getFoundLibraries'),
    onLibrariesFound: on('found'),
    connectWithCode: invoke('connectWithCode'),
    setHostAccessCode: invoke('setHostAccessCode'),
    getHostActivity: invoke('getHostActivity'),
    onHostActivity: on('activity'),
  };
})();`;
}
