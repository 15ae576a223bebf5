interface Segment {
  streamId: number;
  start: number;
  end: number;
}

/**
 * Which stream's audio occupies which stretch of the AudioContext timeline. Answers what is
 * audible now, how much of a stream has played, and how much is queued but not yet played.
 * Segments that have finished playing are folded into a played total, kept only for the last
 * stream that finished, so memory stays flat however many songs play.
 */
export class StreamTimeline {
  private segments: Segment[] = [];
  private readonly playedSeconds = new Map<number, number>();
  private lastFinished: number | null = null;

  /** Entries held: queued segments and played totals, bounded by the queue, not by history. */
  get size(): number {
    return this.segments.length + this.playedSeconds.size;
  }

  add(streamId: number, start: number, duration: number): void {
    this.segments.push({ streamId, start, end: start + duration });
  }

  /** Folds segments that ended by `now` into the played totals. */
  advance(now: number): void {
    let finished = 0;
    while (finished < this.segments.length && this.segments[finished].end <= now) {
      const { streamId, start, end } = this.segments[finished];
      // Segments come in stream order, so the stream before this one has played out and no
      // clock asks for its total again: drop it, or every song ever played keeps an entry.
      if (this.lastFinished !== null && this.lastFinished !== streamId) {
        this.playedSeconds.delete(this.lastFinished);
      }
      this.playedSeconds.set(streamId, (this.playedSeconds.get(streamId) ?? 0) + end - start);
      this.lastFinished = streamId;
      finished++;
    }
    if (finished > 0) this.segments = this.segments.slice(finished);
  }

  /** Seconds of `streamId` that have played by `now` (the last finished stream or a later one). */
  played(streamId: number, now: number): number {
    this.advance(now);
    let seconds = this.playedSeconds.get(streamId) ?? 0;
    for (const segment of this.segments) {
      if (segment.streamId === streamId && segment.start < now) seconds += now - segment.start;
    }
    return seconds;
  }

  /** Seconds queued after `now`, across all streams. */
  bufferedAhead(now: number): number {
    this.advance(now);
    let seconds = 0;
    for (const segment of this.segments) seconds += segment.end - Math.max(segment.start, now);
    return seconds;
  }

  /** True when some segment is playing at `now` (false in a gap while waiting for data). */
  isPlayingAt(now: number): boolean {
    this.advance(now);
    const first = this.segments[0];
    return first !== undefined && first.start <= now;
  }

  /**
   * The stream audible at `now`; in a gap, the stream that plays next; once everything has
   * played, the last stream that did. Null when nothing was ever queued.
   */
  streamAt(now: number): number | null {
    this.advance(now);
    return this.segments[0]?.streamId ?? this.lastFinished;
  }

  /** When the last queued audio of `streamId` ends; null when none of it is left to play. */
  endOf(streamId: number, now: number): number | null {
    this.advance(now);
    let end: number | null = null;
    for (const segment of this.segments) if (segment.streamId === streamId) end = segment.end;
    return end;
  }

  /** Forgets the queued audio of every stream after `streamId` (taken back before it played). */
  dropAfter(streamId: number): void {
    this.segments = this.segments.filter((segment) => segment.streamId <= streamId);
  }

  /** Whether any audio of `streamId` is still queued. */
  holds(streamId: number): boolean {
    return this.segments.some((segment) => segment.streamId === streamId);
  }

  clear(): void {
    this.segments = [];
    this.playedSeconds.clear();
    this.lastFinished = null;
  }
}
