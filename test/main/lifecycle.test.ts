import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The parts of Electron's `app` that index.ts uses. */
class FakeApp extends EventEmitter {
  hasLock = true;
  readonly quit = vi.fn(() => {
    const event = {
      defaultPrevented: false,
      preventDefault: () => (event.defaultPrevented = true),
    };
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  });
  readonly exit = vi.fn();
  quitted = false;
  requestSingleInstanceLock = () => this.hasLock;
  whenReady = () => Promise.resolve();
}

const state = vi.hoisted(() => ({
  app: null as unknown as FakeApp,
  registerSchemesAsPrivileged: null as unknown as (...args: unknown[]) => void,
  unregisterAll: null as unknown as () => void,
  running: null as unknown as {
    showWindow: () => Promise<void>;
    dispose: () => Promise<void>;
    quitting: () => void;
  },
}));

vi.mock('electron', () => ({
  get app() {
    return state.app;
  },
  globalShortcut: { unregisterAll: () => state.unregisterAll() },
  protocol: {
    registerSchemesAsPrivileged: (...args: unknown[]) => state.registerSchemesAsPrivileged(...args),
  },
}));
vi.mock('../../src/main/startApp', () => ({ startApp: async () => state.running }));

async function loadMain(): Promise<void> {
  vi.resetModules();
  await import('../../src/main/index');
  await new Promise((resolve) => setTimeout(resolve, 0)); // let whenReady → startApp settle
}

describe('main process lifecycle', () => {
  beforeEach(() => {
    state.app = new FakeApp();
    state.registerSchemesAsPrivileged = vi.fn();
    state.unregisterAll = vi.fn();
    state.running = {
      showWindow: vi.fn(async () => {}),
      dispose: vi.fn(async () => {}),
      quitting: vi.fn(),
    };
  });
  afterEach(() => vi.useRealTimers());

  it('registers the app:// scheme before ready and starts the app', async () => {
    await loadMain();
    expect(vi.mocked(state.registerSchemesAsPrivileged)).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app' }),
    ]);
    expect(state.app.quit).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    state.app.hasLock = false;
    await loadMain();
    expect(state.app.quit).toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    await loadMain();
    state.app.emit('second-instance');
    expect(state.running.showWindow).toHaveBeenCalled();
  });

  it('disposes the services before quitting, once', async () => {
    let finishDispose: () => void = () => {};
    state.running.dispose = vi.fn(() => new Promise<void>((resolve) => (finishDispose = resolve)));
    await loadMain();
    state.app.quit();
    expect(state.running.dispose).toHaveBeenCalledTimes(1);
    expect(state.app.quitted).toBe(false); // held until the services are gone
    finishDispose();
    await vi.waitFor(() => expect(state.app.quitted).toBe(true));
    expect(state.running.dispose).toHaveBeenCalledTimes(1);
  });

  it('releases every global shortcut when the app quits', async () => {
    await loadMain();
    state.app.emit('will-quit');
    expect(vi.mocked(state.unregisterAll)).toHaveBeenCalled();
  });

  it('does not let a hanging dispose block the quit forever', async () => {
    state.running.dispose = vi.fn(() => new Promise<void>(() => {}));
    await loadMain();
    vi.useFakeTimers();
    state.app.quit();
    await vi.advanceTimersByTimeAsync(3100);
    expect(state.app.quitted).toBe(true);
  });
});
