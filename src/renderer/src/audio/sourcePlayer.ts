import type { AudioOutput } from './audioOutput';

/** Start times this close count as the same (well under one sample at 192 kHz, 5.2 µs). */
const SAME_TIME_SECONDS = 1e-6;

/**
 * Turns PCM chunks into scheduled AudioBufferSourceNodes and keeps track of the live ones, so
 * stop can silence them all at once. Each source lets go of itself when it ends, so played
 * buffers can be collected and memory stays flat.
 */
export class SourcePlayer {
  /** Live sources and the context time each starts at. */
  private readonly live = new Map<AudioBufferSourceNode, number>();

  constructor(private readonly output: AudioOutput) {}

  get liveCount(): number {
    return this.live.size;
  }

  /**
   * Schedules planar samples to start at the context time `placeAt` gives for the context's
   * clock (null: nothing scheduled). The buffer is made at the stream's own sample rate; Web Audio
   * resamples it to the context's rate.
   *
   * The clock is read only once the buffer and its source are made, right before `start()`:
   * making them allocates and copies, which can pause this thread (a collection, or the thread
   * losing its core on a busy machine) while the audio thread moves the clock on. A start placed
   * from a clock read before that pause could lie in the past when `start()` is called: the
   * chunk then plays late, over the start of the next one.
   */
  schedule(
    channels: readonly Float32Array[],
    sampleRate: number,
    placeAt: (now: number) => number,
  ): number | null {
    const context = this.output.ensure();
    const frames = channels[0]?.length ?? 0;
    if (frames === 0) return null;
    const buffer = context.createBuffer(channels.length, frames, sampleRate);
    channels.forEach((samples, index) => buffer.getChannelData(index).set(samples));
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.output.input);
    source.onended = () => this.release(source);
    const startTime = placeAt(context.currentTime);
    source.start(startTime);
    this.live.set(source, startTime);
    return startTime;
  }

  /** Silences everything now and drops every scheduled buffer. */
  stopAll(): void {
    for (const source of this.live.keys()) this.silence(source);
  }

  /** Silences and drops the buffers that start at `time` or later; those before play on. */
  stopFrom(time: number): void {
    for (const [source, start] of this.live) {
      if (start >= time - SAME_TIME_SECONDS) this.silence(source);
    }
  }

  private silence(source: AudioBufferSourceNode): void {
    source.onended = null;
    try {
      source.stop();
    } catch {
      // Already stopped; nothing to silence.
    }
    source.disconnect();
    this.live.delete(source);
  }

  private release(source: AudioBufferSourceNode): void {
    source.onended = null;
    source.disconnect();
    this.live.delete(source);
  }
}
