import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { FoundLibrary } from '../../src/discovery';
import {
  LibraryDiscovery,
  reappearanceAction,
  toFoundLibraryInfo,
} from '../../src/main/libraryDiscovery';
import { DISCONNECTED } from '../../src/shared/defaults';
import type { ConnectionState, FoundLibraryInfo } from '../../src/shared/tidewaveApi';

vi.mock('electron', () => ({}));

const ATTIC: FoundLibrary = {
  id: 'Attic._tidewave._tcp.local',
  name: 'Attic',
  addresses: ['192.168.1.20'],
  port: 8080,
  songCount: 12,
  extensions: ['meta', 'auth'],
  accessCode: false,
};
const atticInfo = toFoundLibraryInfo(ATTIC);
const state = (status: ConnectionState['status'], host = '192.168.1.20'): ConnectionState => ({
  ...DISCONNECTED,
  status,
  host,
  port: 8080,
});

describe('reappearanceAction', () => {
  const moved: FoundLibraryInfo = { ...atticInfo, addresses: ['10.0.0.9'] };

  it('hurries the reconnect when the library is back where it was', () => {
    expect(reappearanceAction(state('reconnecting'), ATTIC.id, [], [atticInfo])).toEqual({
      kind: 'hurry',
    });
  });

  it('connects to the new address when it came back elsewhere, or after giving up', () => {
    expect(reappearanceAction(state('reconnecting'), ATTIC.id, [atticInfo], [moved])).toEqual({
      kind: 'connect',
      host: '10.0.0.9',
      port: 8080,
    });
    expect(reappearanceAction(state('error'), ATTIC.id, [], [atticInfo])).toEqual({
      kind: 'connect',
      host: '192.168.1.20',
      port: 8080,
    });
  });

  it('leaves a live, deliberate or unrelated connection alone', () => {
    expect(reappearanceAction(state('connected'), ATTIC.id, [], [atticInfo]).kind).toBe('none');
    expect(reappearanceAction(state('disconnected'), ATTIC.id, [], [atticInfo]).kind).toBe('none');
    expect(reappearanceAction(state('reconnecting'), null, [], [atticInfo]).kind).toBe('none');
    expect(reappearanceAction(state('reconnecting'), 'Den', [], [atticInfo]).kind).toBe('none');
    // Still listed, unchanged: the reconnect loop goes on at its own pace.
    expect(reappearanceAction(state('reconnecting'), ATTIC.id, [atticInfo], [atticInfo]).kind).toBe(
      'none',
    );
  });
});

class FakeBrowser extends EventEmitter {
  libraries: FoundLibrary[] = [];
  started = 0;
  refreshed = 0;
  stopped = 0;
  start() {
    this.started++;
  }
  refresh() {
    this.refreshed++;
  }
  async stop() {
    this.stopped++;
  }
  announce(libraries: FoundLibrary[]) {
    this.libraries = libraries;
    this.emit('change', libraries);
  }
}

class FakePlayer extends EventEmitter {
  connection = DISCONNECTED;
  readonly connect = vi.fn(async (host: string, port: number) =>
    this.set({ ...state('connected', host), port }),
  );
  readonly checkConnection = vi.fn();
  getConnection() {
    return this.connection;
  }
  set(next: ConnectionState) {
    this.connection = next;
    this.emit('connection', this.connection);
    return this.connection;
  }
}

describe('LibraryDiscovery (main glue)', () => {
  it('pushes the found list, follows the library listened to as it goes and comes back', async () => {
    const browser = new FakeBrowser();
    const player = new FakePlayer();
    const discovery = new LibraryDiscovery(browser, player);
    const pushed: FoundLibraryInfo[][] = [];
    discovery.on('found', (libraries) => pushed.push(libraries));
    expect(browser.started).toBe(1);

    browser.announce([ATTIC]);
    expect(discovery.found).toEqual([atticInfo]);
    expect(discovery.nameAt('192.168.1.20', 8080)).toBe('Attic');
    expect(discovery.nameAt('192.168.1.20', 9999)).toBeNull();
    // Only what the renderer shows crosses IPC.
    expect(Object.keys(pushed[0][0]).sort()).toEqual(
      ['accessCode', 'addresses', 'id', 'name', 'port', 'songCount'].sort(),
    );

    player.set(state('connected'));
    player.set(state('reconnecting')); // the host's Wi-Fi went away
    browser.announce([]);
    expect(player.checkConnection).not.toHaveBeenCalled();
    browser.announce([ATTIC]); // back, same address
    expect(player.checkConnection).toHaveBeenCalledTimes(1);

    player.set(state('connected'));
    player.set(state('reconnecting'));
    browser.announce([{ ...ATTIC, addresses: ['10.0.0.9'] }]); // back on the wired network
    expect(player.connect).toHaveBeenCalledWith('10.0.0.9', 8080);
    expect(pushed).toHaveLength(4);

    await discovery.dispose();
    expect(browser.stopped).toBe(1);
    expect(player.listenerCount('connection')).toBe(0);
  });
});
