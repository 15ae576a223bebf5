/**
 * The one AudioContext and its fixed graph: sources → gain (volume) → analyser (level tap) →
 * speakers. The context is created lazily, on the first play or user gesture.
 */
export class AudioOutput {
  private context: AudioContext | null = null;
  private gain: GainNode | null = null;
  private analyser: AnalyserNode | null = null;
  private samples: Float32Array<ArrayBuffer> | null = null;
  private volume = 1;
  /** What the listener last asked for: a context made or resumed after a pause stays paused. */
  private paused = false;

  /** Creates the context on first use. */
  ensure(): AudioContext {
    if (this.context) return this.context;
    // 'balanced', not 'playback': Chromium's playback buffers add about 50 ms before any sound
    // (93 ms against 42 ms of base + output latency, measured by `npm run bench -- --only
    // clicktosound`), and what plays is pre-scheduled buffers, cheap for the audio thread.
    const context = new AudioContext({ latencyHint: 'balanced' });
    this.gain = context.createGain();
    this.analyser = context.createAnalyser();
    this.analyser.fftSize = 2048;
    this.gain.connect(this.analyser).connect(context.destination);
    this.context = context;
    this.applyVolume();
    // A new context starts running on its own; a pause asked before it existed still holds.
    if (this.paused) void context.suspend();
    return context;
  }

  get created(): boolean {
    return this.context !== null;
  }

  /** Where sources connect. */
  get input(): AudioNode {
    this.ensure();
    return this.gain as GainNode;
  }

  get now(): number {
    return this.context?.currentTime ?? 0;
  }

  get suspended(): boolean {
    return this.context?.state === 'suspended';
  }

  /** 0..1; squared so the slider feels even to the ear. */
  setVolume(volume: number): void {
    this.volume = Math.min(1, Math.max(0, volume));
    this.applyVolume();
  }

  /**
   * Asked whatever the state: while a start or a resume is still on its way the state is not yet
   * 'running', and the context carries out suspend and resume in the order they were asked.
   */
  async suspend(): Promise<void> {
    this.paused = true;
    if (this.context && this.context.state !== 'closed') await this.context.suspend();
  }

  async resume(): Promise<void> {
    this.paused = false;
    const context = this.ensure();
    if (context.state !== 'closed') await context.resume();
  }

  /** Root mean square of the most recent output (after volume). */
  rms(): number {
    if (!this.analyser) return 0;
    this.samples ??= new Float32Array(this.analyser.fftSize);
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const sample of this.samples) sum += sample * sample;
    return Math.sqrt(sum / this.samples.length);
  }

  private applyVolume(): void {
    if (this.gain && this.context) {
      this.gain.gain.setValueAtTime(this.volume * this.volume, this.context.currentTime);
    }
  }
}
