import { beforeEach, describe, expect, it } from 'vitest';
import {
  SOURCE_DECODER_WORKER,
  WorkerDecoder,
  type DecodedPart,
  type PcmChunk,
  type StreamDecoder,
} from '../../src/decoder';
import { PlaybackService } from '../../src/player';
import type { PlayStarted } from '../../src/shared/tidewaveApi';
import { useTestServers } from '../support/serverHarness';
import { StreamRecorder } from './support/streamRecorder';

type Call = 'reset' | 'decode' | 'end';

/** The real worker decoder, noting each call in the order the player made them. */
class LoggedDecoder implements StreamDecoder {
  readonly calls: Call[] = [];
  private readonly inner = new WorkerDecoder(SOURCE_DECODER_WORKER);
  decode(bytes: Uint8Array): Promise<PcmChunk | null> {
    this.calls.push('decode');
    return this.inner.decode(bytes);
  }
  decodeUntil(bytes: Uint8Array, minSeconds: number): Promise<DecodedPart> {
    this.calls.push('decode');
    return this.inner.decodeUntil(bytes, minSeconds);
  }
  end(): Promise<PcmChunk | null> {
    this.calls.push('end');
    return this.inner.end();
  }
  reset(): Promise<void> {
    this.calls.push('reset');
    return this.inner.reset();
  }
  abandon(): void {
    this.inner.abandon();
  }
  terminate(): Promise<void> {
    return this.inner.terminate();
  }
}

/** Resolves once `check` holds, polling; fails after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the decoder is readied for the next song once no song uses it', () => {
  const servers = useTestServers();
  let service: PlaybackService;
  let decoder: LoggedDecoder;
  let recorder: StreamRecorder;

  beforeEach(async () => {
    const running = await servers.start({ pacing: false });
    decoder = new LoggedDecoder();
    service = new PlaybackService({ createDecoder: () => decoder });
    servers.onCleanup(() => service.dispose());
    await service.connect('127.0.0.1', running.port);
    recorder = new StreamRecorder(service);
  });

  it('resets it at a stop, before any next play asks', async () => {
    const { streamId } = await service.play({ songId: 0 });
    await recorder.waitUntil(() => recorder.secondsOf(streamId) > 0, 10_000, 'audio');
    await service.stop();
    expect(decoder.calls.at(-1)).toBe('reset'); // sent with the stop, behind the song's last decode
    const next = await service.play({ songId: 1 });
    await recorder.waitUntil(() => recorder.secondsOf(next.streamId) > 0.5, 10_000, 'audio');
  });

  it('resets it after a song ends by itself, and never inside a song that has begun', async () => {
    const first = await service.play({ songId: 0 });
    await recorder.waitUntil(() => recorder.secondsOf(first.streamId) > 1, 10_000, 'audio');
    const second = await service.play({ songId: 2 }); // a switch: no stop in between
    await recorder.waitForEvent(second.streamId, 'ended', 30_000);
    await until(() => decoder.calls.at(-1) === 'reset', 5_000, 'the reset after the end');
    // From the second song's reset on: its decodes, its end, then the reset for a next song.
    const calls = decoder.calls.slice(decoder.calls.lastIndexOf('reset', -2));
    expect(calls[0]).toBe('reset');
    expect(calls.slice(1, -2).every((call) => call === 'decode')).toBe(true);
    expect(calls.slice(-2)).toEqual(['end', 'reset']);
  });

  it('leaves it to the next song when that play comes a microtask after a song ends', async () => {
    // An in-process listener that awaits once before it plays: the song's pump has returned,
    // and the player has not yet readied the decoder after it. That reset would now come in the
    // next song's turn (rapidSkips.test.ts hears it if it reaches the worker after that song's
    // first bytes).
    const first = await service.play({ songId: 2 });
    let from = -1;
    const next = new Promise<PlayStarted>((resolve, reject) => {
      service.on('stream', (event) => {
        if (event.kind !== 'ended' || event.streamId !== first.streamId) return;
        queueMicrotask(() => {
          from = decoder.calls.length;
          service.play({ songId: 1 }).then(resolve, reject);
        });
      });
    });
    await recorder.waitForEvent(first.streamId, 'ended', 30_000);
    const { streamId } = await next;
    await recorder.waitUntil(() => recorder.secondsOf(streamId) > 2, 10_000, 'audio');
    // The next song's own reset, then only its decodes until its end.
    const calls = decoder.calls.slice(from);
    const song = calls.includes('end') ? calls.slice(0, calls.indexOf('end')) : calls;
    expect(song[0]).toBe('reset');
    expect(song.length).toBeGreaterThan(1);
    expect(song.slice(1).every((call) => call === 'decode')).toBe(true);
  });
});
