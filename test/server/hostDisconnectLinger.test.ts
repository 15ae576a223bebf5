import { describe, expect, it } from 'vitest';
import { useTestServers, waitFor } from '../support/serverHarness';
import type { RawClient } from '../support/rawClient';

/** Short enough to wait for in a test; the default, 30 s, is checked in connectionLimits.test.ts. */
const LINGER_MS = 300;

// PROTOCOL §18.2.1: after the host's disconnect, the connection lingers half-closed for its peer
// to read the error, but only for a bounded time.
describe('a connection the host disconnected', () => {
  const servers = useTestServers();

  /** A peer that asked for a song, got its first bytes and then reads nothing more, ever. */
  async function deafListener(port?: number): Promise<RawClient> {
    const peer = await servers.raw({ port });
    peer.send('play<NEXT;>0<NEXT;><END;>');
    await peer.playBytesAtLeast(10_000);
    peer.socket.pause(); // nor does it see the server's close: it never closes its side
    return peer;
  }

  /** Lets the deaf listener go; it lingers (its peer reads nothing, so it never closes). */
  function disconnectTheListener({ server } = servers.running): void {
    const [row] = server.listeners.list();
    expect(server.listeners.disconnect(row.id)).toBe(true);
    expect(server.connectionCount).toBe(1);
  }

  it('is dropped after its bound when the peer never reads', async () => {
    const running = await servers.start({
      pacing: false,
      limits: { hostDisconnectCloseTimeoutMs: LINGER_MS },
    });
    const peer = await deafListener();
    disconnectTheListener(); // lingering: not dropped at once
    // Dropped by the server although the peer neither read nor closed (the old code waited 30 s).
    await waitFor(() => running.server.connectionCount === 0, 10_000);
    expect(peer.isClosed).toBe(false);
    peer.socket.resume();
    await peer.closed; // and once it reads, it finds the connection gone
  });

  // PROTOCOL §18.2: the person can connect again by hand, at once, whatever the per-address cap.
  it('does not count against its address: the person connects again at once', async () => {
    const running = await servers.start({ pacing: false, limits: { maxConnectionsPerAddress: 1 } });
    await deafListener();
    disconnectTheListener();
    const again = await servers.raw();
    again.send('list<NEXT;><END;>');
    // The old code answered `too many connections from your address (1)` and closed.
    expect((await again.nextPacket()).type).toBe('list');
    expect(running.server.connectionCount).toBe(2); // the lingering one is still open
  });

  it('still counts against the total: its socket is still open', async () => {
    await servers.start({ pacing: false, limits: { maxConnections: 1 } });
    await deafListener();
    disconnectTheListener();
    const again = await servers.raw();
    const refusal = await again.nextPacket();
    expect(refusal.fields.map(String)).toEqual(['error', 'server busy: 1 connections open']);
  });

  // docs/DEPLOY.md §6: an update's drain closes every connection within the quit wait (2 s); a
  // lingering one must not hold the update for the rest of its own, longer bound.
  it('does not hold up a drain for the rest of its bound', async () => {
    // Its bound is measured by the server's own timer: a twin on a server not drained drops
    // its connection when a bound a second shorter is up. Timers fire in the order they are
    // due, so waiting out the bound would lose that race by a second however late both timers
    // ran on a busy machine, while the quit wait (2 s) wins it by eight.
    const twin = await servers.start({
      pacing: false,
      limits: { hostDisconnectCloseTimeoutMs: 10_000 },
    });
    await deafListener(twin.port);
    const running = await servers.start({
      pacing: false,
      limits: { hostDisconnectCloseTimeoutMs: 11_000 },
    });
    await deafListener(running.port);
    disconnectTheListener(twin);
    disconnectTheListener(running);
    await running.server.drain(0);
    expect(running.server.connectionCount).toBe(0);
    expect(twin.server.connectionCount).toBe(1); // the shorter bound is not up yet
  });
});
