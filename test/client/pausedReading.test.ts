import { afterEach, describe, expect, it } from 'vitest';
import { ClientSession } from '../../src/client';
import { waitFor } from '../support/serverHarness';
import { metadataList, startHostileServer, type HostileServer } from './hostileServer';

/** Small, so the test fills it at once; the session's default is 16 MiB. */
const LIMIT = 1024 * 1024;
/** One socket read (64 KiB) may land past the bound before the session stops reading. */
const ONE_READ = 64 * 1024 + 4096;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// PROTOCOL §17, reading while paused: a paused player reads on, so the host's error reaches it,
// but a server that names `pause` and streams on regardless gets no more than the bound.
describe('a paused session against a server that streams on regardless', () => {
  let server: HostileServer | undefined;
  let session: ClientSession | undefined;
  afterEach(async () => {
    session?.close();
    await server?.close();
    session = server = undefined;
  });

  async function songNobodyReads(features: string[]) {
    const listReply = metadataList(['Endless'], features);
    server = await startHostileServer({ listReply, play: { kind: 'forever' }, polite: true });
    session = await ClientSession.connect({
      host: '127.0.0.1',
      port: server.port,
      pausedReadLimitBytes: LIMIT,
    });
    await session.list();
    const stream = session.play(0); // never read: its reader is full at the high-water mark
    await waitFor(() => session!.readingPaused, 10_000);
    return { session, stream };
  }

  it('reads on while the listener pauses, up to its bound, and no further', async () => {
    const { session, stream } = await songNobodyReads(['pause']);
    expect(stream.readableLength).toBeLessThan(LIMIT);
    session.setPaused(true);
    expect(session.readingPaused).toBe(false);
    await waitFor(() => session.readingPaused, 10_000);
    expect(stream.readableLength).toBeGreaterThanOrEqual(LIMIT);
    expect(stream.readableLength).toBeLessThan(LIMIT + ONE_READ);
    const held = stream.readableLength;
    await sleep(300);
    expect(stream.readableLength).toBe(held);
  });

  it('does not read on with a server that did not name `pause`', async () => {
    const { session, stream } = await songNobodyReads([]);
    const held = stream.readableLength;
    session.setPaused(true);
    await sleep(300);
    expect(session.readingPaused).toBe(true);
    expect(stream.readableLength).toBe(held);
  });
});
