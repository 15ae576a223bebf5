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

export class FakeAudioContext {
  static made: FakeAudioContext[] = [];
  state: AudioContextState = 'suspended';
  readonly currentTime = 0;
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
