import type { AudioOutput } from './audioOutput';

/**
 * Turns PCM chunks into scheduled AudioBufferSourceNodes and keeps track of the live ones, so
 * stop can silence them all at once. Each source lets go of itself when it ends, so played
 * buffers can be collected and memory stays flat.
 */
export class SourcePlayer {
  private readonly live = new Set<AudioBufferSourceNode>();

  constructor(private readonly output: AudioOutput) {}

  get liveCount(): number {
    return this.live.size;
  }

  /**
   * Schedules planar samples to start at `startTime`. The buffer is made at the stream's own
   * sample rate; Web Audio resamples it to the context's rate.
   */
  schedule(channels: readonly Float32Array[], sampleRate: number, startTime: number): void {
    const context = this.output.ensure();
    const frames = channels[0]?.length ?? 0;
    if (frames === 0) return;
    const buffer = context.createBuffer(channels.length, frames, sampleRate);
    channels.forEach((samples, index) => buffer.getChannelData(index).set(samples));
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.output.input);
    source.onended = () => this.release(source);
    this.live.add(source);
    source.start(startTime);
  }

  /** Silences everything now and drops every scheduled buffer. */
  stopAll(): void {
    for (const source of this.live) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // Already stopped; nothing to silence.
      }
      source.disconnect();
    }
    this.live.clear();
  }

  private release(source: AudioBufferSourceNode): void {
    source.onended = null;
    source.disconnect();
    this.live.delete(source);
  }
}
