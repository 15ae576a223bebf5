/**
 * Runs in the page before the app (addInitScript): defines `window.tidewave` like the preload
 * does, forwarding invoke methods to the `__twInvoke` binding and dispatching events that the
 * Node side pushes with `__twEmit`. Audio arrives as base64 Float32 data (bindings and evaluate
 * are slow with large typed arrays) and is turned back into planar Float32Arrays here. Invoke
 * results arrive as JSON text (see TestBridge.install).
 * Plain JavaScript in a string, so no transpiler helper can leak into the page.
 */
export const PAGE_BRIDGE_SCRIPT = `(() => {
  const listeners = { connection: new Set(), host: new Set(), stream: new Set(), audio: new Set(), mediaKey: new Set(), library: new Set(), found: new Set(), activity: new Set() };
  const invoke = (method) => async (...args) => {
    const json = await window.__twInvoke(method, args);
    return json === undefined ? undefined : JSON.parse(json);
  };
  const on = (kind) => (listener) => {
    listeners[kind].add(listener);
    return () => listeners[kind].delete(listener);
  };
  const fromBase64 = (text) => {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
    const raw = atob(text);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  };
  window.__TIDEWAVE_ENABLE_TEST_HOOKS__ = true;
  window.__twEmit = (kind, payload) => {
    if (kind === 'audio') {
      payload = {
        streamId: payload.streamId,
        sampleRate: payload.sampleRate,
        channels: payload.channels.map((text) => new Float32Array(fromBase64(text).buffer)),
      };
    }
    for (const listener of listeners[kind]) listener(payload);
  };
  window.tidewave = {
    connect: invoke('connect'),
    disconnect: invoke('disconnect'),
    getConnection: invoke('getConnection'),
    listSongs: invoke('listSongs'),
    play: invoke('play'),
    stop: invoke('stop'),
    reportBuffer: (streamId, buffered, received) => {
      void window.__twInvoke('reportBuffer', [streamId, buffered, received]);
    },
    reportPlaying: (report) => {
      void window.__twInvoke('reportPlaying', [report]);
    },
    reportPaused: (paused) => {
      void window.__twInvoke('reportPaused', [paused]);
    },
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
    getHostActivity: invoke('getHostActivity'),
    onHostActivity: on('activity'),
  };
})();`;
