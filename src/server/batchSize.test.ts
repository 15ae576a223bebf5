import { describe, expect, it } from 'vitest';
import { batchPackets, nextBatchPackets, type BatchChoice, type BatchInput } from './batchSize';

const PACKET = 4096;
const base: BatchInput = {
  perBatch: 16,
  queuedBytes: 0,
  maxQueuedBytes: 64 * 1024,
  packetBytes: PACKET,
};

describe('nextBatchPackets', () => {
  it('gives the usual batch when nothing is queued', () => {
    expect(nextBatchPackets(base)).toBe(16);
    expect(nextBatchPackets({ ...base, perBatch: 4 })).toBe(4);
  });

  it('keeps what is queued within the bound and a packet', () => {
    // 16 KiB already waiting: 12 packets more reach 64 KiB, a 13th is the packet allowed over.
    const queued = { ...base, queuedBytes: 16 * 1024 };
    expect(nextBatchPackets(queued)).toBe(13);
    expect(13 * PACKET + 16 * 1024).toBeLessThanOrEqual(64 * 1024 + PACKET);
  });

  it('never goes below one packet, even over the bound', () => {
    expect(nextBatchPackets({ ...base, queuedBytes: 200 * 1024 })).toBe(1);
  });
});

describe('batchPackets', () => {
  const served: BatchChoice = {
    perBatch: 4,
    steadyPerBatch: 12,
    sentFirstAudio: true,
    sentBurst: true,
    startingStreams: 0,
  };

  it('gives the steady batch once first audio and burst are sent and no stream is starting', () => {
    expect(batchPackets(served)).toBe(12);
  });

  it('keeps the usual batch while any of that is not so', () => {
    expect(batchPackets({ ...served, startingStreams: 1 })).toBe(4);
    expect(batchPackets({ ...served, sentBurst: false })).toBe(4);
    expect(batchPackets({ ...served, sentFirstAudio: false })).toBe(4);
  });

  it('never goes below the usual batch', () => {
    expect(batchPackets({ ...served, steadyPerBatch: 2 })).toBe(4);
  });
});
