import type { Readable } from 'node:stream';
import type { StreamOrigin } from '../client/streamOrigin';
import {
  DecoderError,
  DecoderStoppedError,
  EMPTY_SONG_MESSAGE,
  pcmSeconds,
  type DecodedPart,
  type PcmChunk,
  type StreamDecoder,
} from '../decoder';
import type { AudioChunk, StreamEvent } from '../shared/tidewaveApi';
import { CoverArtSniffer } from './coverArtSniffer';
import { DecodeSlicer, MAX_SLICE_BYTES } from './decodeSlicer';
import { FlowGate } from './flowGate';
import { FIRST_CHUNK_SECONDS, PcmAccumulator } from './pcmAccumulator';
import { describePlaybackError } from './playbackErrors';
import { planWindow, SampleWindow } from './sampleWindow';

export type PumpState = 'streaming' | 'ended' | 'stopped' | 'failed';

export interface PumpSink {
  audio(chunk: AudioChunk): void;
  event(event: StreamEvent): void;
}

/** What a song stream must offer: its bytes, then why they ended. */
export interface SongSource extends Readable {
  endReason: 'complete' | 'stopped' | 'error' | null;
  /** The time asked for; absent means the start. */
  readonly startSeconds?: number;
  /** Where the bytes start in the song, known once they arrive; absent means the whole file. */
  readonly origin?: StreamOrigin | null;
}

/**
 * Carries one song from its byte stream through the decoder to audio chunks, pausing whenever
 * the renderer holds enough (the unread stream then fills and the session pauses the socket).
 * `cancel()` is synchronous: once it returns, this stream emits nothing more.
 */
export class StreamPump {
  state: PumpState = 'streaming';
  /** Set when the decoder itself died (not just this song), so the owner can replace it. */
  decoderStopped = false;
  /**
   * The song sample of the first sample emitted, once the first audio is decoded: exactly
   * round(startSeconds × rate) (unless the server seeked without saying where).
   */
  startSample: number | null = null;
  /** Samples (per channel) handed to the sink so far, and their rate. */
  emittedSamples = 0;
  sampleRate: number | null = null;
  private readonly accumulator: PcmAccumulator;
  private readonly cover: CoverArtSniffer;
  private readonly slicer = new DecodeSlicer();
  private window: SampleWindow | null = null;
  /** Whether any of the song's bytes came: a complete stream of none had no file to play. */
  private gotBytes = false;
  /** The decoder's reset for this song, sent before its first bytes. */
  private songReset: Promise<void> = Promise.resolve();

  constructor(
    readonly streamId: number,
    private readonly source: SongSource,
    private readonly decoder: StreamDecoder,
    readonly gate: FlowGate,
    private readonly sink: PumpSink,
    chunkSeconds: number,
    /** Start at exactly this song sample (a resume), whatever startSeconds rounds to. */
    private readonly exactStartSample: number | null = null,
  ) {
    this.accumulator = new PcmAccumulator(chunkSeconds);
    this.cover = new CoverArtSniffer((dataUrl) => {
      if (this.state !== 'stopped') sink.event({ kind: 'cover', streamId, dataUrl });
    });
    // A stream that dies while we wait for the renderer must still be noticed at once. A complete
    // one closes as soon as its last bytes are read, which can be seconds of audio still to pace.
    source.once('close', () => {
      if (source.endReason !== 'complete') gate.release();
    });
    source.on('error', () => {}); // read from `source.errored` once the loop ends
  }

  /** The song sample that follows the last one emitted, once any audio was; else null. */
  get nextSample(): number | null {
    return this.startSample === null ? null : this.startSample + this.emittedSamples;
  }

  cancel(): void {
    // Only a streaming song can have a decode in flight; once ended, a newer one may own it.
    if (this.state === 'streaming') this.decoder.abandon();
    if (this.state === 'streaming' || this.state === 'ended') this.state = 'stopped';
    this.gate.release();
  }

  async run(): Promise<PumpState> {
    let failure: unknown = null;
    try {
      // Not awaited before the first bytes go to the decoder: it answers in order, so the reset
      // is done before their decode anyway, and waiting for its answer first would put one more
      // trip between the worker and this thread on the way to the first audio. Its outcome is
      // awaited before any audio goes out (`decodeFirst`, `finish`).
      this.songReset = this.decodeStep(() => this.decoder.reset());
      this.songReset.catch(() => undefined); // seen where it is awaited
      for await (const bytes of this.source) {
        if (!(await this.decodeSlices(bytes as Buffer))) break;
      }
    } catch (error) {
      failure = error;
    }
    if (this.state !== 'streaming') return this.state;
    if (this.decoderStopped) return this.fail(failure);
    if (this.source.endReason === 'stopped') return this.settle('stopped');
    if (this.source.endReason !== 'complete') {
      return this.fail(this.source.errored ?? failure ?? new Error('The song stream ended early'));
    }
    try {
      return await this.finish();
    } catch (error) {
      return this.fail(error);
    }
  }

  /**
   * A read can return everything the stream buffered (up to its high-water mark), so decode it
   * in slices and wait for the renderer between them: that keeps chunks small and the bound tight.
   * The slices hold about the same audio time whatever the format (DecodeSlicer). Until the
   * first chunk is out, one call decodes just enough for it, past any tag or cover, instead of a
   * round trip to the decoder per slice.
   */
  private async decodeSlices(bytes: Buffer): Promise<boolean> {
    if (bytes.length > 0) this.gotBytes = true;
    for (let offset = 0; offset < bytes.length;) {
      if (this.state !== 'streaming') return false;
      const { pcm, used } = this.accumulator.started
        ? await this.decodeSlice(bytes.subarray(offset, offset + this.slicer.size))
        : await this.decodeFirst(bytes.subarray(offset, offset + MAX_SLICE_BYTES));
      if (used <= 0) throw new Error('The decoder used none of the song’s bytes');
      this.cover.push(bytes.subarray(offset, offset + used));
      offset += used;
      this.slicer.observe(used, pcm ? pcmSeconds(pcm) : 0);
      await this.emit(pcm);
      await this.gate.whenOpen();
    }
    return this.state === 'streaming';
  }

  /** Until the first chunk is out: just enough for it, once this song's reset has succeeded. */
  private async decodeFirst(bytes: Buffer): Promise<DecodedPart> {
    const part = await this.decodeStep(() => this.decoder.decodeUntil(bytes, FIRST_CHUNK_SECONDS));
    await this.songReset; // settled by now: the decoder answers in order
    return part;
  }

  private async decodeSlice(slice: Buffer): Promise<DecodedPart> {
    return { pcm: await this.decodeStep(() => this.decoder.decode(slice)), used: slice.length };
  }

  private async finish(): Promise<PumpState> {
    await this.songReset;
    // Cancelled meanwhile: a newer song may have the decoder, and end() would reach it.
    if (this.state !== 'streaming') return this.state;
    // An empty file (or one still being copied in) is listed like any song; without this its
    // play ended at once, silent and with no word, as if it had played.
    if (!this.gotBytes) throw new DecoderError(EMPTY_SONG_MESSAGE);
    const tail = await this.decodeStep(() => this.decoder.end());
    if (this.state !== 'streaming') return this.state;
    await this.emit(tail);
    const rest = this.accumulator.flush();
    if (rest) await this.emitWhenOpen(rest);
    if (this.state !== 'streaming') return this.state;
    this.state = 'ended';
    this.sink.event({ kind: 'ended', streamId: this.streamId });
    return this.state;
  }

  private async decodeStep<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof DecoderStoppedError) this.decoderStopped = true;
      throw error;
    }
  }

  private async emit(pcm: PcmChunk | null): Promise<void> {
    if (this.state !== 'streaming') return;
    for (const chunk of this.accumulator.push(this.trim(pcm))) await this.emitWhenOpen(chunk);
  }

  /**
   * Each chunk waits for the gate, not just each slice: one slice can decode to seconds of audio
   * (low-bitrate Opus or Vorbis), and all of it at once would pass the bound by that much.
   */
  private async emitWhenOpen(chunk: PcmChunk): Promise<void> {
    await this.gate.whenOpen();
    if (this.state === 'streaming') this.emitChunk(chunk);
  }

  /** Drops the decoded samples before the time asked for, and any the song does not have. */
  private trim(pcm: PcmChunk | null): PcmChunk | null {
    if (!pcm) return null;
    if (!this.window) {
      const origin = this.source.origin ?? { kind: 'file' };
      const startSeconds = this.source.startSeconds ?? 0;
      const plan = planWindow(origin, startSeconds, pcm.sampleRate, this.exactStartSample);
      this.startSample = plan.startSample;
      this.window = new SampleWindow(plan);
    }
    return this.window.take(pcm);
  }

  private emitChunk(chunk: PcmChunk): void {
    this.gate.onEmitted(pcmSeconds(chunk));
    this.emittedSamples += chunk.channels[0]?.length ?? 0;
    this.sampleRate = chunk.sampleRate;
    this.sink.audio({
      streamId: this.streamId,
      sampleRate: chunk.sampleRate,
      channels: chunk.channels,
    });
  }

  private settle(state: PumpState): PumpState {
    this.state = state;
    this.sink.event({ kind: 'stopped', streamId: this.streamId });
    return state;
  }

  private fail(error: unknown): PumpState {
    this.state = 'failed';
    this.sink.event({
      kind: 'error',
      streamId: this.streamId,
      message: describePlaybackError(error),
    });
    return this.state;
  }
}
