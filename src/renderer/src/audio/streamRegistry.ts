export interface StreamInfo {
  streamId: number;
  /** Null until the play result or the 'started' event names the song. */
  songId: number | null;
  /** Where in the song the stream starts; null until the play answer says (begin). */
  startSeconds: number | null;
  /** The main process has sent all of this stream's audio. */
  ended: boolean;
  coverUrl: string | null;
}

/**
 * The streams whose audio the renderer wants. Stream ids only grow, so after a stop or a manual
 * switch every id up to the newest one seen is refused; chunks of a newer stream may arrive
 * before its play request resolves, and are accepted.
 */
export class StreamRegistry {
  private readonly streams = new Map<number, StreamInfo>();
  private refusedThrough = 0;
  private newestSeen = 0;
  private newestWithAudio = 0;
  private readonly received = new Map<number, number>();

  /** Streams it holds anything about: a few at most, however many have played. */
  get size(): number {
    return new Set([...this.streams.keys(), ...this.received.keys()]).size;
  }

  accepts(streamId: number): boolean {
    return streamId > this.refusedThrough;
  }

  /** Records (or completes) a stream; returns null when the stream is refused. */
  touch(streamId: number, details: Partial<Omit<StreamInfo, 'streamId'>> = {}): StreamInfo | null {
    this.newestSeen = Math.max(this.newestSeen, streamId);
    if (!this.accepts(streamId)) return null;
    const known = this.streams.get(streamId) ?? {
      streamId,
      songId: null,
      startSeconds: null,
      ended: false,
      coverUrl: null,
    };
    const updated = { ...known, ...details };
    this.streams.set(streamId, updated);
    return updated;
  }

  /**
   * Records a chunk's stream and its `seconds`, or refuses it (null). Audio of an older stream
   * arriving after a newer stream's audio is refused too: appending it would play it out of order.
   */
  admitAudio(streamId: number, seconds: number): StreamInfo | null {
    if (streamId < this.newestWithAudio) return null;
    const info = this.touch(streamId);
    if (info) {
      this.newestWithAudio = streamId;
      this.received.set(streamId, this.receivedSeconds(streamId) + seconds);
    }
    return info;
  }

  /** Seconds of the stream's audio admitted so far: main's measure of what has arrived. */
  receivedSeconds(streamId: number): number {
    return this.received.get(streamId) ?? 0;
  }

  get(streamId: number | null): StreamInfo | null {
    return streamId === null ? null : (this.streams.get(streamId) ?? null);
  }

  newest(): StreamInfo | null {
    let newest: StreamInfo | null = null;
    for (const info of this.streams.values()) {
      if (!newest || info.streamId > newest.streamId) newest = info;
    }
    return newest;
  }

  /** Gives every stream's song its id in a new song list. */
  renameSongs(newId: (songId: number) => number): void {
    for (const [id, info] of this.streams) {
      if (info.songId !== null) this.streams.set(id, { ...info, songId: newId(info.songId) });
    }
  }

  /** Refuses every stream seen so far (and any older one). */
  refuseAll(): void {
    this.refusedThrough = Math.max(this.refusedThrough, this.newestSeen);
    this.streams.clear();
    this.received.clear();
  }

  /**
   * Refuses every stream after `keep` seen so far (appended, then taken back before it played),
   * keeping `keep` itself, which has ended; true when there was one.
   */
  refuseAfter(keep: number): boolean {
    const later = this.newestSeen > keep;
    this.refusedThrough = Math.max(this.refusedThrough, this.newestSeen);
    for (const id of [...this.streams.keys()]) if (id > keep) this.streams.delete(id);
    for (const id of [...this.received.keys()]) if (id > keep) this.received.delete(id);
    return later;
  }

  /** Forgets streams older than `streamId`: they have finished playing. */
  forgetBefore(streamId: number): void {
    for (const id of this.streams.keys()) if (id < streamId) this.streams.delete(id);
    for (const id of this.received.keys()) if (id < streamId) this.received.delete(id);
  }
}
