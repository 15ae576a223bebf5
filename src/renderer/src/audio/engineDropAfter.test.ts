import { beforeEach, describe, expect, it } from 'vitest';
import {
  silentChunk as chunk,
  useEngineOnFakeContext,
} from '../../../../test/support/renderer/engineOnFakeContext';

// A song appended to follow gaplessly is taken back before it is heard (a queue change): the
// song before it plays on, and the next one appended follows it as the taken-back one would.
describe('AudioEngine.dropAfter', () => {
  const fake = useEngineOnFakeContext();
  const { context } = fake;

  beforeEach(() => {
    // Song 0 (stream 1, 1 s) has arrived whole; song 1 (stream 2) is appended after it.
    fake.engine.begin({ streamId: 1, songId: 0, startSeconds: 0 });
    fake.engine.enqueue(chunk(1, 24_000));
    fake.engine.enqueue(chunk(1, 24_000));
    fake.engine.handleStreamEvent({ kind: 'ended', streamId: 1 });
    fake.engine.begin({ streamId: 2, songId: 1, startSeconds: 0 });
    fake.engine.enqueue(chunk(2, 12_000));
    fake.engine.enqueue(chunk(2, 12_000));
  });

  it('stops only the appended audio, and the next song follows on sample-exact', () => {
    const [first, , appended, appendedNext] = context().starts;
    const end = first + 1;
    expect(appended).toBeCloseTo(end, 12);
    context().currentTime = first + 0.4;
    expect(fake.engine.dropAfter(1)).toBe('dropped');
    expect(context().stopped).toEqual([appended, appendedNext]);
    expect(fake.engine.snapshot()).toMatchObject({
      current: { streamId: 1, songId: 0 },
      newest: { streamId: 1 },
    });
    expect(fake.engine.snapshot().bufferedAheadSeconds).toBeCloseTo(0.6, 9);
    // Audio of the taken-back stream still on its way is refused.
    fake.engine.enqueue(chunk(2, 12_000));
    expect(context().starts).toHaveLength(4);
    fake.engine.begin({ streamId: 3, songId: 2, startSeconds: 0 });
    fake.engine.enqueue(chunk(3, 12_000));
    expect(context().starts[4]).toBeCloseTo(end, 12);
    expect(fake.engine.snapshot().newest?.songId).toBe(2);
  });

  it('finds nothing after the newest stream, and is too late once a stream has played out', () => {
    context().currentTime = context().starts[0] + 0.4;
    expect(fake.engine.dropAfter(2)).toBe('nothing after');
    context().currentTime = context().starts[0] + 1.2; // song 1 is heard
    expect(fake.engine.dropAfter(1)).toBe('too late');
    expect(context().stopped).toEqual([]);
    expect(fake.engine.snapshot().current?.streamId).toBe(2);
  });
});
