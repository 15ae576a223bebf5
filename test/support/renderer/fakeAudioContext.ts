/**
 * A stand-in AudioContext for unit tests in Node, as far as AudioOutput uses one. It follows the
 * Web Audio spec's order: a context that may start sends itself a "start" control message, and
 * suspend() and resume() queue theirs; the rendering thread carries them out in order, a task
 * later, and only then do `state` and the returned promises change.
 */
type Control = { to: AudioContextState; done: () => void };

class FakeParam {
  setValueAtTime(): this {
    return this;
  }
}

class FakeNode {
  gain = new FakeParam();
  fftSize = 2048;
  connect<T>(next: T): T {
    return next;
  }
}

/** A scheduled buffer: what AudioEngine's SourcePlayer uses of AudioBufferSourceNode. */
class FakeSource extends FakeNode {
  buffer: { length: number } | null = null;
  onended: (() => void) | null = null;
  constructor(private readonly context: FakeAudioContext) {
    super();
  }
  private when: number | null = null;
  start(when: number): void {
    this.when = when;
    this.context.starts.push(when);
    this.context.startLeads.push(when - this.context.currentTime);
  }
  stop(): void {
    if (this.when !== null) this.context.stopped.push(this.when);
  }
  disconnect(): void {}
}

export class FakeAudioContext {
  static made: FakeAudioContext[] = [];
  state: AudioContextState = 'suspended';
  /** The context's clock; a test moves it. */
  currentTime = 0;
  /** Start times of the buffers scheduled, in order. */
  readonly starts: number[] = [];
  /** Start times of the buffers stopped before their end, in order. */
  readonly stopped: number[] = [];
  /** For each start, its time less the clock when `start()` was called (below 0: late). */
  readonly startLeads: number[] = [];
  /** How far the clock moves while a buffer is made (a test's pause of the page's thread). */
  bufferMakingSeconds = 0;
  readonly sampleRate = 48_000;
  readonly baseLatency = 0.01;
  readonly destination = new FakeNode();
  private readonly controls: Control[] = [];

  constructor() {
    FakeAudioContext.made.push(this);
    this.queue('running');
  }

  createGain(): FakeNode {
    return new FakeNode();
  }

  createAnalyser(): FakeNode {
    return new FakeNode();
  }

  createBuffer(channels: number, length: number) {
    this.currentTime += this.bufferMakingSeconds;
    const data = Array.from({ length: channels }, () => new Float32Array(length));
    return { length, getChannelData: (index: number) => data[index] };
  }

  createBufferSource(): FakeSource {
    return new FakeSource(this);
  }

  suspend(): Promise<void> {
    return new Promise((resolve) => this.queue('suspended', resolve));
  }

  resume(): Promise<void> {
    return new Promise((resolve) => this.queue('running', resolve));
  }

  private queue(to: AudioContextState, done: () => void = () => undefined): void {
    this.controls.push({ to, done });
    if (this.controls.length === 1) setTimeout(() => this.process(), 1);
  }

  private process(): void {
    const control = this.controls.shift();
    if (!control) return;
    this.state = control.to;
    control.done();
    if (this.controls.length > 0) setTimeout(() => this.process(), 1);
  }
}
