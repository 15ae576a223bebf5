import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, IpcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers, type IpcServices } from '../../src/main/ipcHandlers';
import { createAppServices, type AppServices } from '../../src/appServices';
import { IpcEvent, IpcInvoke, IpcSend } from '../../src/shared/ipcChannels';
import { BUNDLED_MUSIC } from '../support/serverHarness';
import { FakeIpcMain, fakeWindow } from './support/fakeIpcMain';
import { CASES, fakeServices } from './support/ipcCases';

vi.mock('electron', () => ({}));

const isSend = (channel: string) => (Object.values(IpcSend) as string[]).includes(channel);

/** Every channel the renderer may call: the invokes and the one-way sends. */
const CHANNELS: string[] = [...Object.values(IpcInvoke), ...Object.values(IpcSend)];

describe('registerIpcHandlers', () => {
  let ipcMain: FakeIpcMain;
  let services: ReturnType<typeof fakeServices>;
  let win: ReturnType<typeof fakeWindow>;
  let pickFolder: ReturnType<typeof vi.fn<(window: unknown) => Promise<string | null>>>;
  let onPlaying: ReturnType<typeof vi.fn<(report: unknown) => void>>;
  let registration: ReturnType<typeof registerIpcHandlers>;

  beforeEach(() => {
    ipcMain = new FakeIpcMain();
    services = fakeServices();
    win = fakeWindow();
    pickFolder = vi.fn(async (_window: unknown): Promise<string | null> => 'result:pickFolder');
    onPlaying = vi.fn((_report: unknown) => undefined);
    registration = registerIpcHandlers(
      ipcMain as unknown as IpcMain,
      services as unknown as IpcServices,
      () => win.window as unknown as BrowserWindow,
      {
        pickFolder,
        hostableFolders: ['/srv/music'],
        onPlaying,
        sharing: services.sharing as never,
      },
    );
    services.host.getState.mockClear(); // registration asks what is hosted
  });

  function spyFor(path: string) {
    if (path === 'pickFolder') return pickFolder;
    if (path === 'onPlaying') return onPlaying;
    const [owner, name] = path.split('.') as [keyof typeof services, string];
    return (services[owner] as unknown as Record<string, ReturnType<typeof vi.fn>>)[name];
  }

  function call(channel: string, args: unknown[]) {
    if (isSend(channel)) {
      ipcMain.send(win.window.webContents, channel, ...args);
      return Promise.resolve(undefined);
    }
    return ipcMain.invoke(win.window.webContents, channel, ...args);
  }

  it('registers every invoke channel (the reports as one-way messages)', () => {
    for (const channel of CHANNELS) {
      const registered = isSend(channel)
        ? (ipcMain.listeners.get(channel)?.length ?? 0) > 0
        : ipcMain.handlers.has(channel);
      expect(registered, channel).toBe(true);
      expect(CASES[channel], `test case for ${channel}`).toBeDefined();
    }
  });

  it.each(CHANNELS)('passes valid arguments of %s to its service', async (channel) => {
    const { good, expectCall } = CASES[channel];
    const result = await call(channel, good);
    expect(spyFor(expectCall)).toHaveBeenCalledTimes(1);
    if (channel === IpcInvoke.pickFolder) expect(pickFolder).toHaveBeenCalledWith(win.window);
    else expect(spyFor(expectCall)).toHaveBeenCalledWith(...good);
    if (!isSend(channel)) expect(result).toBe(`result:${expectCall}`);
  });

  it.each(CHANNELS.filter((c) => CASES[c].bad.length > 0))(
    'refuses bad arguments of %s without calling the service',
    async (channel) => {
      for (const [args, message] of CASES[channel].bad) {
        if (isSend(channel)) {
          call(channel, args);
        } else {
          await expect(call(channel, args)).rejects.toThrow(message);
          await expect(call(channel, args)).rejects.toMatchObject({ name: 'IpcValidationError' });
        }
      }
      expect(spyFor(CASES[channel].expectCall)).not.toHaveBeenCalled();
    },
  );

  it('refuses calls from anything but the app window', async () => {
    const stranger = new EventEmitter();
    await expect(ipcMain.invoke(stranger, IpcInvoke.listSongs)).rejects.toThrow(
      'not from the app window',
    );
    ipcMain.send(stranger, IpcSend.reportBuffer, 1, 1, 1);
    ipcMain.send(stranger, IpcSend.reportPaused, true);
    expect(services.playback.listSongs).not.toHaveBeenCalled();
    expect(services.playback.reportBuffer).not.toHaveBeenCalled();
    expect(services.playback.setPaused).not.toHaveBeenCalled();
  });

  it('passes service failures on as rejections with their message', async () => {
    services.playback.connect.mockRejectedValueOnce(
      new Error('Cannot connect to 10.0.0.1:8080: connection refused'),
    );
    await expect(call(IpcInvoke.connect, ['10.0.0.1', 8080])).rejects.toThrow(
      'Cannot connect to 10.0.0.1:8080: connection refused',
    );
  });

  it('forwards service events to the window, media keys included', () => {
    services.playback.emit('connection', { status: 'connecting' });
    services.playback.emit('stream', { kind: 'ended', streamId: 1 });
    services.host.emit('changed', { running: true });
    services.playback.emit('library', { songCount: 4 });
    services.host.emit('activity', { listeners: [], refusals: [], readAt: 5 });
    registration.sendMediaKey('next');
    expect(win.sent).toEqual([
      [IpcEvent.onConnectionChanged, { status: 'connecting' }],
      [IpcEvent.onStreamEvent, { kind: 'ended', streamId: 1 }],
      [IpcEvent.onHostChanged, { running: true }],
      [IpcEvent.onLibraryChanged, { songCount: 4 }],
      [IpcEvent.onHostActivity, { listeners: [], refusals: [], readAt: 5 }],
      [IpcEvent.onMediaKey, 'next'],
    ]);
  });

  it('removes every handler and forwarder on dispose', () => {
    registration.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listeners.get(IpcSend.reportBuffer)).toEqual([]);
    expect(ipcMain.listeners.get(IpcSend.reportPaused)).toEqual([]);
    services.playback.emit('connection', { status: 'connecting' });
    expect(win.sent).toEqual([]);
  });
});

describe('host:start hosts only folders the person chose', () => {
  const REFUSED = 'Choose the folder with the folder picker first';
  const request = (folder: string, shareOnLan = true) => ({ folder, port: 0, shareOnLan });

  function setUp(options: { picks?: Array<string | null>; hosting?: string | null } = {}) {
    const ipcMain = new FakeIpcMain();
    const services = fakeServices();
    services.host.getState.mockReturnValue({
      running: options.hosting != null,
      folder: options.hosting ?? null,
    } as never);
    const win = fakeWindow();
    const picks = [...(options.picks ?? [])];
    const registration = registerIpcHandlers(
      ipcMain as unknown as IpcMain,
      services as unknown as IpcServices,
      () => win.window as unknown as BrowserWindow,
      {
        pickFolder: async () => picks.shift() ?? null,
        hostableFolders: ['/app/resources/music', '/home/me/Hosted last time', null],
      },
    );
    const invoke = (channel: string, ...args: unknown[]) =>
      ipcMain.invoke(win.window.webContents, channel, ...args);
    return { services, registration, invoke };
  }

  it('refuses a folder nobody picked, shared on the LAN or not, without starting a server', async () => {
    const { services, invoke } = setUp({ picks: ['/home/me/Music'] });
    for (const folder of ['/', '/etc', '/home/me', '/home/me/Music/../.ssh', '/home/me/Musi']) {
      for (const shareOnLan of [true, false]) {
        await expect(invoke(IpcInvoke.startHost, request(folder, shareOnLan))).rejects.toThrow(
          REFUSED,
        );
      }
    }
    await invoke(IpcInvoke.pickFolder); // picks /home/me/Music: its neighbours stay refused
    await expect(invoke(IpcInvoke.startHost, request('/home/me/Music/sub'))).rejects.toThrow(
      REFUSED,
    );
    await expect(invoke(IpcInvoke.startHost, request('/home/me'))).rejects.toThrow(REFUSED);
    expect(services.host.start).not.toHaveBeenCalled();
  });

  it('hosts a folder once the folder picker chose it in this run', async () => {
    const { services, invoke } = setUp({ picks: [null, '/home/me/Music'] });
    expect(await invoke(IpcInvoke.pickFolder)).toBeNull(); // cancelled: allows nothing
    await expect(invoke(IpcInvoke.startHost, request('/home/me/Music'))).rejects.toThrow(REFUSED);
    expect(await invoke(IpcInvoke.pickFolder)).toBe('/home/me/Music');
    await invoke(IpcInvoke.startHost, request('/home/me/Music'));
    await invoke(IpcInvoke.startHost, request('/home/me/Music/', false)); // the same folder
    expect(services.host.start.mock.calls).toEqual([
      [request('/home/me/Music')],
      [request('/home/me/Music/', false)],
    ]);
  });

  it('hosts the bundled music and the folder hosted when the app last ran', async () => {
    const { services, invoke } = setUp();
    await invoke(IpcInvoke.startHost, request('/app/resources/music'));
    await invoke(IpcInvoke.startHost, request('/home/me/Hosted last time'));
    expect(services.host.start).toHaveBeenCalledTimes(2);
  });

  it('hosts again the folder the host service hosts or tried to host', async () => {
    const { services, invoke } = setUp({ hosting: '/srv/now' });
    await invoke(IpcInvoke.startHost, request('/srv/now'));
    await expect(invoke(IpcInvoke.startHost, request('/srv/later'))).rejects.toThrow(REFUSED);
    services.host.emit('changed', { running: false, folder: '/srv/later', error: 'Port in use' });
    await invoke(IpcInvoke.startHost, request('/srv/later'));
    expect(services.host.start).toHaveBeenCalledTimes(2);
  });

  it('hosts a folder main chose through the menu', async () => {
    const { services, registration, invoke } = setUp();
    await expect(invoke(IpcInvoke.startHost, request('/media/usb'))).rejects.toThrow(REFUSED);
    registration.allowHostFolder('/media/usb');
    await invoke(IpcInvoke.startHost, request('/media/usb'));
    expect(services.host.start).toHaveBeenCalledWith(request('/media/usb'));
  });
});

describe('registerIpcHandlers with the real services', () => {
  let userDataDir: string;
  let services: AppServices;
  beforeEach(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'tidewave-ipc-'));
    services = await createAppServices({ userDataDir, bundledMusicDir: BUNDLED_MUSIC });
  });
  afterEach(async () => {
    await services.dispose();
    await rm(userDataDir, { recursive: true, force: true });
  });

  it('hosts, connects, lists and saves settings through the IPC handlers', async () => {
    const ipcMain = new FakeIpcMain();
    const win = fakeWindow();
    registerIpcHandlers(
      ipcMain as unknown as IpcMain,
      services,
      () => win.window as unknown as BrowserWindow,
      { pickFolder: async () => '/no/such/folder', hostableFolders: [BUNDLED_MUSIC, null] },
    );
    const invoke = (channel: string, ...args: unknown[]) =>
      ipcMain.invoke(win.window.webContents, channel, ...args);
    const host = (await invoke(IpcInvoke.startHost, {
      folder: BUNDLED_MUSIC,
      port: 0,
      shareOnLan: false,
    })) as { port: number };
    await expect(invoke(IpcInvoke.connect, '127.0.0.1', host.port)).resolves.toMatchObject({
      status: 'connected',
    });
    expect(await invoke(IpcInvoke.listSongs)).toHaveLength(3);
    await expect(invoke(IpcInvoke.setSettings, { volume: 0.25 })).resolves.toMatchObject({
      volume: 0.25,
    });
    await expect(invoke(IpcInvoke.play, { songId: 99 })).resolves.toMatchObject({ songId: 99 });
    const missing = { folder: '/no/such/folder', port: 0, shareOnLan: false };
    await expect(invoke(IpcInvoke.startHost, missing)).rejects.toThrow(
      'Choose the folder with the folder picker first',
    );
    expect(await invoke(IpcInvoke.pickFolder)).toBe('/no/such/folder');
    await expect(invoke(IpcInvoke.startHost, missing)).rejects.toThrow(
      'Music folder not found: /no/such/folder',
    );
    expect(win.sent.map(([channel]) => channel)).toContain(IpcEvent.onConnectionChanged);
  });
});
