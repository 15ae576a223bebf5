import { describe, expect, it } from 'vitest';
import {
  silentChunk as chunk,
  useEngineOnFakeContext,
} from '../../../../test/support/renderer/engineOnFakeContext';

/** A pause of the page's thread while a buffer is made: longer than the least lead (~13 ms). */
const PAUSE_SECONDS = 0.03;

// Making a chunk's AudioBuffer allocates and copies; the page's thread can pause there (a
// collection, a busy machine) while the audio thread's clock runs on. A start worked out from
// the clock before that pause is in the past by the time start() is called.
describe('AudioEngine reads the clock for a start after making the buffer', () => {
  const fake = useEngineOnFakeContext();
  const { context } = fake;

  it('never starts a chunk at a time already past, held first chunk or warm click', () => {
    fake.engine.begin({ streamId: 1, songId: 0, startSeconds: 0 });
    fake.engine.enqueue(chunk(1, 2400)); // a new session's first chunk: held for its next one
    context().bufferMakingSeconds = PAUSE_SECONDS;
    context().currentTime = 0.6; // the next one comes late: the run starts at once, with both
    fake.engine.enqueue(chunk(1, 12_000));
    fake.engine.enqueue(chunk(1, 12_000));
    fake.engine.flush();
    // A warm click: a wait was seen, the first chunk covers it, so it is placed at once.
    fake.engine.begin({ streamId: 2, songId: 1, startSeconds: 0 });
    fake.engine.enqueue(chunk(2, 12_000));
    fake.engine.enqueue(chunk(2, 12_000));
    const { startLeads, starts } = context();
    expect(starts).toHaveLength(5);
    for (const lead of startLeads) expect(lead).toBeGreaterThan(0);
    // The fresh runs still start after the least lead only: the pause is not added to it.
    expect(startLeads[0]).toBeLessThan(0.02);
    expect(startLeads[3]).toBeLessThan(0.02);
  });
});
