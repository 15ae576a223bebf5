import { afterEach, describe, expect, it } from 'vitest';
import type { PacingOptions } from '../../src/server';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { startThrottledProxy, type ThrottledProxy } from '../support/throttledProxy';
import { RawClient } from './rawClient';

/** 2 Mbit/s with 50 ms each way: a modest home uplink. */
const LINK = { bitsPerSecond: 2_000_000, delayMs: 50 };

describe('stop over a slow link', () => {
  let running: RunningServer | undefined;
  let proxy: ThrottledProxy | undefined;
  let client: RawClient | undefined;
  afterEach(async () => {
    client?.destroy();
    await proxy?.close();
    await running?.server.close();
  });

  /** Plays song 0 through the link for a second, sends stop, and times the stop reply. */
  async function stopReplyMs(pacing: PacingOptions | false): Promise<number> {
    running = await startTestServer({ pacing });
    proxy = await startThrottledProxy({ ...LINK, targetPort: running.port });
    client = await RawClient.connect(proxy.port);
    client.send('play<NEXT;>0<NEXT;><END;>');
    await client.nextPacket();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sent = performance.now();
    client.send('stop<NEXT;><END;>');
    await client.readUntil('stop', 15_000);
    return performance.now() - sent;
  }

  it('is answered quickly with the default pacing', async () => {
    const elapsed = await stopReplyMs({});
    console.log(`stop reply over 2 Mbit/s, 50 ms, paced: ${Math.round(elapsed)} ms`);
    // The round trip alone is 100 ms and this measures about 110 ms; 800 ms leaves room for a
    // loaded machine but not for a second of song queued ahead of the reply (unpaced: seconds).
    expect(elapsed).toBeLessThan(800);
  });

  it('takes longer without pacing, with the song queued in the network', async () => {
    const elapsed = await stopReplyMs(false);
    console.log(`stop reply over 2 Mbit/s, 50 ms, unpaced: ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeGreaterThan(1_000);
  });
});
