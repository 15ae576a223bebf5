import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ThrottledLink } from './throttledLink';

/** A source that always has more: it reads as much as the link lets it. */
function endlessSource() {
  let produced = 0;
  const source = new Readable({
    read() {
      produced += 16_384;
      this.push(Buffer.alloc(16_384, 1));
    },
  });
  return { source, produced: () => produced };
}

/** A destination that accepts one write and then never finishes it: a receiver gone quiet. */
function stalledDestination() {
  let accepted = 0;
  const destination = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer) {
      accepted += chunk.length;
    },
  });
  return { destination, accepted: () => accepted };
}

describe('ThrottledLink', () => {
  it('stops reading its source once it holds a bandwidth-delay product plus 16 KiB', async () => {
    const { source, produced } = endlessSource();
    const { destination, accepted } = stalledDestination();
    // 8 Mbit/s and 10 ms: a bandwidth-delay product of 10 kB, so the limit is 26 384 bytes.
    const link = new ThrottledLink(source, destination, { bitsPerSecond: 8_000_000, delayMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    link.stop();
    source.destroy();
    // Everything read is held by the link or went into the one write the destination took.
    expect(link.bufferedBytes + accepted()).toBeLessThanOrEqual(26_384 + 16_384);
    // The source was paused, not drained: the stream's own buffer caps what it produced.
    expect(produced()).toBeLessThan(200_000);
    expect(accepted()).toBe(4096);
  });
});
