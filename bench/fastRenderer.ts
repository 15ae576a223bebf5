import type { PlaybackService } from '../src/player';

const TICK_MS = 20;

/**
 * Stands in for the renderer's buffer queue, playing `speed` times faster than real time and
 * reporting what it holds, so the player's flow control works as it does in the app, only faster.
 */
export class FastRenderer {
  bufferedSeconds = 0;
  playedSeconds = 0;
  private streamId = 0;
  private lastTick = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly service: PlaybackService,
    private readonly speed: number,
  ) {
    service.on('audio', (chunk) => {
      this.streamId = chunk.streamId;
      this.bufferedSeconds += (chunk.channels[0]?.length ?? 0) / chunk.sampleRate;
    });
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** Drops what it holds and forgets what it played, as the renderer does on stop. */
  clear(): void {
    this.bufferedSeconds = 0;
    this.playedSeconds = 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    const at = performance.now();
    const played = Math.min(this.bufferedSeconds, ((at - this.lastTick) / 1000) * this.speed);
    this.lastTick = at;
    this.bufferedSeconds -= played;
    this.playedSeconds += played;
    if (this.streamId !== 0) this.service.reportBuffer(this.streamId, this.bufferedSeconds);
  }
}
