import { describe, expect, it } from 'vitest';
import {
  DISCONNECTED_BY_HOST,
  ListenerRegistry,
  updateListener,
  type Listener,
} from './listenerRegistry';

function listener(address: string, sent = 0): Listener & { told: string[]; sent: number } {
  return {
    remoteAddress: address,
    remotePort: 5000,
    connectedAt: 1_700_000_000_000,
    state: { clientName: null, nowPlaying: null },
    told: [],
    sent,
    get bytesSent() {
      return this.sent;
    },
    disconnect(message: string) {
      this.told.push(message);
    },
  };
}

describe('ListenerRegistry', () => {
  it('numbers listeners in order and reads each row when asked', () => {
    const registry = new ListenerRegistry();
    const a = listener('10.0.0.1');
    const b = listener('10.0.0.2');
    const first = registry.add(a);
    const second = registry.add(b);
    expect(second.id).toBeGreaterThan(first.id);
    a.state.clientName = 'Ana';
    a.state.nowPlaying = { id: 4, title: 'Glass Tide' };
    a.sent = 1234;
    expect(registry.list()).toEqual([
      {
        id: first.id,
        address: '10.0.0.1',
        port: 5000,
        name: 'Ana',
        songId: 4,
        songTitle: 'Glass Tide',
        since: 1_700_000_000_000,
        bytesSent: 1234,
      },
      expect.objectContaining({ id: second.id, name: null, songId: null, bytesSent: 0 }),
    ]);
    first.remove();
    expect(registry.list().map((row) => row.address)).toEqual(['10.0.0.2']);
  });

  it('never reuses an id, so a stale Disconnect cannot hit a newcomer', () => {
    const registry = new ListenerRegistry();
    const old = registry.add(listener('10.0.0.1'));
    old.remove();
    const newcomer = listener('10.0.0.1');
    const fresh = registry.add(newcomer);
    expect(fresh.id).not.toBe(old.id);
    expect(registry.disconnect(old.id)).toBe(false);
    expect(newcomer.told).toEqual([]);
  });

  it('disconnects one with the message, and then everyone', () => {
    const registry = new ListenerRegistry();
    const peers = [listener('a'), listener('b'), listener('c')];
    const ids = peers.map((peer) => registry.add(peer).id);
    expect(registry.disconnect(ids[1], 'bye')).toBe(true);
    expect(peers[1].told).toEqual(['bye']);
    expect(registry.size).toBe(2);
    expect(registry.disconnectAll()).toBe(2);
    expect(peers.map((peer) => peer.told)).toEqual([
      [DISCONNECTED_BY_HOST],
      ['bye'],
      [DISCONNECTED_BY_HOST],
    ]);
    expect(registry.list()).toEqual([]);
  });

  it('says when the table changes: come, name, song, go, let go; not for bytes sent', () => {
    const registry = new ListenerRegistry();
    let changes = 0;
    registry.on('changed', () => (changes += 1));
    const a = listener('10.0.0.1');
    const b = listener('10.0.0.2');
    const first = registry.add(a);
    const second = registry.add(b);
    expect(changes).toBe(2);
    updateListener(a.state, { clientName: 'Ana' });
    updateListener(a.state, { nowPlaying: { id: 1, title: 'Glass Tide' } });
    a.sent = 9_999;
    expect(changes).toBe(4);
    expect(registry.list()[0]).toMatchObject({ name: 'Ana', songTitle: 'Glass Tide' });
    first.remove();
    first.remove(); // twice, as a close after a disconnect does: one change
    expect(changes).toBe(5);
    updateListener(a.state, { nowPlaying: null }); // gone: no longer heard
    expect(changes).toBe(5);
    registry.disconnect(second.id);
    second.remove();
    expect(changes).toBe(6);
    registry.add(listener('10.0.0.3'));
    registry.disconnectAll();
    expect(changes).toBe(8);
  });
});
