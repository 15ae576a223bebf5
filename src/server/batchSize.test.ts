import { describe, expect, it } from 'vitest';
import { nextBatchPackets, type BatchInput } from './batchSize';

const PACKET = 4096;
const base: BatchInput = {
  perBatch: 4,
  burstBatch: 16,
  availableBytes: null,
  leadMs: 3_000,
  othersStarting: false,
  queuedBytes: 0,
  maxQueuedBytes: 64 * 1024,
  packetBytes: PACKET,
};

describe('nextBatchPackets', () => {
  it('gives an unpaced stream its usual batch', () => {
    expect(nextBatchPackets({ ...base, perBatch: 16 })).toBe(16);
  });

  it('sends a paced burst in large batches while the bucket holds one', () => {
    expect(nextBatchPackets({ ...base, availableBytes: 16 * PACKET })).toBe(16);
    expect(nextBatchPackets({ ...base, availableBytes: 16 * PACKET - 1 })).toBe(4);
    expect(nextBatchPackets({ ...base, availableBytes: 0 })).toBe(4);
  });

  it('keeps batches small until the listener holds enough, however full the bucket', () => {
    expect(nextBatchPackets({ ...base, availableBytes: 1e9, leadMs: 0 })).toBe(4);
    expect(nextBatchPackets({ ...base, availableBytes: 1e9, leadMs: 1_999 })).toBe(4);
    expect(nextBatchPackets({ ...base, availableBytes: 1e9, leadMs: 2_000 })).toBe(16);
  });

  it('keeps batches small while other streams wait for their first audio', () => {
    expect(nextBatchPackets({ ...base, availableBytes: 1e9, othersStarting: true })).toBe(4);
  });

  it('keeps the usual batch when it is already the larger', () => {
    expect(nextBatchPackets({ ...base, perBatch: 16, burstBatch: 8, availableBytes: 1e9 })).toBe(
      16,
    );
  });

  it('keeps what is queued within the bound and a packet', () => {
    // 16 KiB already waiting: 12 packets more reach 64 KiB, a 13th is the packet allowed over.
    const queued = { ...base, perBatch: 16, queuedBytes: 16 * 1024 };
    expect(nextBatchPackets(queued)).toBe(13);
    expect(13 * PACKET + 16 * 1024).toBeLessThanOrEqual(64 * 1024 + PACKET);
  });

  it('never goes below one packet, even over the bound', () => {
    expect(nextBatchPackets({ ...base, queuedBytes: 200 * 1024 })).toBe(1);
  });
});
