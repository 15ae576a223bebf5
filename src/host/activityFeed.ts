import type { LibraryServer } from '../server';
import { NO_HOST_ACTIVITY, type HostActivity } from '../shared/hostActivity';
import type { ListenerInfo } from '../shared/listenerInfo';

/** What the feed reads of a server: its listeners and its refusals (LibraryServer has both). */
export type ActivitySource = Pick<LibraryServer, 'listeners' | 'refusals'>;

export interface ActivityFeedOptions {
  /** Bytes sent change all the time: they are pushed at most this often, and only if changed. */
  bytesEveryMs?: number;
  /** A burst of connects or refusals is one push per this many ms, not one per event. */
  minGapMs?: number;
  now?: () => number;
}

/** Bytes handed to the kernel for everyone listed: it grows iff some listener's count grew. */
export function bytesMark(listeners: readonly ListenerInfo[]): number {
  return listeners.reduce((sum, listener) => sum + listener.bytesSent, 0);
}

/** How long to wait before pushing a change, given when the last push went out. Pure. */
export function pushDelay(lastPushAt: number | null, now: number, minGapMs: number): number {
  return lastPushAt === null ? 0 : Math.max(0, lastPushAt + minGapMs - now);
}

/**
 * Pushes the host panel's picture (listeners and refusals) when it changes, instead of the page
 * polling: at once (then at most one push per `minGapMs`) when a listener comes, goes, names
 * itself or picks a song, or an address is refused; and, while anyone listens, at most once per
 * `bytesEveryMs` when bytes were sent. Nothing runs while nobody is hosted or listening.
 */
export class ActivityFeed {
  private source: ActivitySource | null = null;
  private lastPushAt: number | null = null;
  private lastBytes = 0;
  private pushTimer: NodeJS.Timeout | null = null;
  private bytesTimer: NodeJS.Timeout | null = null;
  private readonly bytesEveryMs: number;
  private readonly minGapMs: number;
  private readonly now: () => number;
  private readonly onChange = () => this.schedule();

  constructor(
    private readonly push: (activity: HostActivity) => void,
    options: ActivityFeedOptions = {},
  ) {
    this.bytesEveryMs = options.bytesEveryMs ?? 1_000;
    this.minGapMs = options.minGapMs ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** The picture now (an empty one when nothing is hosted). */
  read(): HostActivity {
    if (!this.source) return { ...NO_HOST_ACTIVITY, readAt: this.now() };
    return {
      listeners: this.source.listeners.list(),
      refusals: this.source.refusals.list(),
      readAt: this.now(),
    };
  }

  /** Follows another server (null: nothing hosted) and pushes its picture at once. */
  follow(source: ActivitySource | null): void {
    if (source === this.source) return;
    this.unsubscribe();
    this.source = source;
    source?.listeners.on('changed', this.onChange);
    source?.refusals.on('changed', this.onChange);
    this.pushNow();
  }

  stop(): void {
    this.unsubscribe();
    this.source = null;
  }

  private unsubscribe(): void {
    this.source?.listeners.off('changed', this.onChange);
    this.source?.refusals.off('changed', this.onChange);
    if (this.pushTimer) clearTimeout(this.pushTimer);
    if (this.bytesTimer) clearInterval(this.bytesTimer);
    this.pushTimer = null;
    this.bytesTimer = null;
  }

  private schedule(): void {
    if (this.pushTimer) return; // a push is already coming and will read the latest
    const delay = pushDelay(this.lastPushAt, this.now(), this.minGapMs);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      this.pushNow();
    }, delay).unref();
  }

  private pushNow(): void {
    const activity = this.read();
    this.lastPushAt = activity.readAt;
    this.lastBytes = bytesMark(activity.listeners);
    this.push(activity);
    this.watchBytes(activity.listeners.length > 0);
  }

  /** Samples bytes sent only while someone listens. */
  private watchBytes(anyone: boolean): void {
    if (!anyone || !this.source) {
      if (this.bytesTimer) clearInterval(this.bytesTimer);
      this.bytesTimer = null;
      return;
    }
    this.bytesTimer ??= setInterval(() => {
      const listeners = this.source?.listeners.list() ?? [];
      if (bytesMark(listeners) !== this.lastBytes) this.schedule();
    }, this.bytesEveryMs).unref();
  }
}
