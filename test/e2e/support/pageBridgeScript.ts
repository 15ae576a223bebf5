import { FRAME_READER_SOURCE } from './frameReaderSource';

/**
 * Runs in the page before the app (addInitScript): defines `window.tidewave` like the preload
 * does. Invoke (and send) methods go as POSTs to `prefix + 'invoke'`, numbered so Node starts
 * them in order (InvokeChannel); undefined arguments stay undefined. Events come on one stream
 * the page opens, `prefix + 'events'`, one frame an event, audio as raw Float32 bytes
 * (bridgeFrames.ts): no base64, no JSON for samples, no page.evaluate. Both are on the page's
 * own origin, so its CSP (`connect-src 'self'`) allows them. `__twDispatched` counts the events
 * dispatched in this load of the page (TestBridge.flushed); an invoke's answer waits until the
 * events main sent before it are dispatched.
 * Plain JavaScript in a string, so no transpiler helper can leak into the page.
 */
export function pageBridgeScript(prefix: string): string {
  return `(() => {
  const listeners = { connection: new Set(), host: new Set(), stream: new Set(), audio: new Set(), mediaKey: new Set(), library: new Set(), found: new Set() };
  const load = performance.timeOrigin;
  let seq = 0;
  const call = async (method, args) => {
    const body = JSON.stringify({ load, seq: seq++, method, args: args.map((v) => (v === undefined ? {} : { v })) });
    const response = await fetch(${JSON.stringify(prefix + 'invoke')}, { method: 'POST', body, cache: 'no-store' });
    const reply = await response.json();
    // Every event main sent before this answer comes first, as on Electron's one channel.
    await dispatchedAtLeast(reply.events ?? 0);
    if ('error' in reply) throw new Error(reply.error);
    return reply.result;
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
  let waiting = [];
  const dispatchedAtLeast = (count) =>
    count <= window.__twDispatched
      ? undefined
      : new Promise((resolve) => waiting.push({ count, resolve }));
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
    const due = waiting.filter((waiter) => waiter.count <= window.__twDispatched);
    waiting = waiting.filter((waiter) => waiter.count > window.__twDispatched);
    for (const waiter of due) waiter.resolve();
  };
  const read = (${FRAME_READER_SOURCE})(dispatch);
  void (async () => {
    const response = await fetch(${JSON.stringify(prefix + 'events?load=')} + load, { cache: 'no-store' });
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
    listListeners: invoke('listListeners'),
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
  };
})();`;
}
