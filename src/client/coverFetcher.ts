import { createHash } from 'node:crypto';
import { COVER_BEGIN, COVER_DATA, COVER_END, coverMessages, type Packet } from '../protocol';

/** A song's cover as the server sent it; `hash` is the SHA-256 (hex) of `bytes`, checked. */
export interface FetchedCover {
  songId: number;
  mime: string;
  hash: string;
  bytes: Buffer;
}

/**
 * Why a cover did not come: the song has none (or is unknown), the server has no cover support
 * (`unsupported`: a seed-era server, or one from before the extension), or it arrived damaged.
 */
export class CoverUnavailableError extends Error {
  constructor(
    readonly songId: number,
    message: string,
    readonly unsupported = false,
  ) {
    super(message);
    this.name = 'CoverUnavailableError';
  }
}

/** The largest cover a client accepts, well inside what a server sends (PROTOCOL §19). */
export const CLIENT_MAX_COVER_BYTES = 16 * 1024 * 1024;

const MIME = /^image\/[a-z0-9.+-]{1,40}$/;
const HASH = /^[0-9a-f]{64}$/;

interface Wanted {
  songId: number;
  resolve(cover: FetchedCover): void;
  reject(error: Error): void;
}

interface Receiving {
  mime: string;
  size: number;
  hash: string;
  parts: Buffer[];
  received: number;
}

export interface CoverFetcherDeps {
  write(wire: Buffer): void;
  /** With no cover packet for this long, the server is taken to have no cover support. */
  timeoutMs: number;
  /** Called when `busy` may have changed (the session reads the socket while a cover is due). */
  onBusyChange(): void;
}

/**
 * A session's cover requests, one on the wire at a time: the server answers them in order, and
 * one at a time keeps a cover's bytes from waiting behind others. A server that never answers (a
 * seed-era one) costs one timeout; the connection then remembers that it has no cover support.
 */
export class CoverFetcher {
  /** Null until a list reply (or a timeout) tells whether the server answers `cover`. */
  supported: boolean | null = null;
  private readonly queue: Wanted[] = [];
  private active: (Wanted & { receiving: Receiving | null }) | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: CoverFetcherDeps) {}

  get busy(): boolean {
    return this.active !== null;
  }

  fetch(songId: number): Promise<FetchedCover> {
    if (this.supported === false) return Promise.reject(this.unsupported(songId));
    return new Promise((resolve, reject) => {
      this.queue.push({ songId, resolve, reject });
      this.next();
    });
  }

  /** A `cover` packet from the server. */
  onPacket(packet: Packet): void {
    const active = this.active;
    if (!active) return; // after a timeout: the late reply of a request already failed
    this.armTimer();
    const kind = packet.fields[1]?.toString('latin1');
    const field = (i: number) => packet.fields[i]?.toString('latin1') ?? '';
    if (kind === COVER_BEGIN) {
      const size = Number(field(4));
      const ok = Number(field(2)) === active.songId && MIME.test(field(3)) && HASH.test(field(5));
      if (!ok || !Number.isInteger(size) || size < 0 || size > CLIENT_MAX_COVER_BYTES)
        return this.finish(new CoverUnavailableError(active.songId, 'malformed cover reply'));
      active.receiving = { mime: field(3), size, hash: field(5), parts: [], received: 0 };
    } else if (kind === COVER_DATA && active.receiving) {
      const data = packet.fields[2] ?? Buffer.alloc(0);
      active.receiving.received += data.length;
      if (active.receiving.received > active.receiving.size)
        return this.finish(new CoverUnavailableError(active.songId, 'cover longer than announced'));
      active.receiving.parts.push(Buffer.from(data));
    } else if (kind === COVER_END) {
      this.finish(this.assemble(active.songId, active.receiving));
    }
  }

  /** An `error` packet whose third field is `cover`, for the request with this id field. */
  onRefusal(idField: string, message: string): void {
    if (!this.active || (idField !== '' && Number(idField) !== this.active.songId)) return;
    this.finish(new CoverUnavailableError(this.active.songId, message));
  }

  /** The connection is gone. */
  failAll(error: Error): void {
    clearTimeout(this.timer);
    const all = [...(this.active ? [this.active] : []), ...this.queue.splice(0)];
    this.active = null;
    for (const wanted of all) wanted.reject(error);
  }

  private next(): void {
    if (this.active || this.queue.length === 0) return;
    const wanted = this.queue.shift()!;
    this.active = { ...wanted, receiving: null };
    this.armTimer();
    this.deps.write(coverMessages.request(wanted.songId));
    this.deps.onBusyChange();
  }

  private assemble(songId: number, receiving: Receiving | null): FetchedCover | Error {
    if (!receiving) return new CoverUnavailableError(songId, 'cover ended before it began');
    const bytes = Buffer.concat(receiving.parts);
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (bytes.length !== receiving.size || hash !== receiving.hash)
      return new CoverUnavailableError(songId, 'cover arrived damaged (size or hash differ)');
    return { songId, mime: receiving.mime, hash, bytes };
  }

  private finish(outcome: FetchedCover | Error): void {
    const active = this.active;
    if (!active) return;
    clearTimeout(this.timer);
    this.active = null;
    this.supported = true; // it answered
    if (outcome instanceof Error) active.reject(outcome);
    else active.resolve(outcome);
    this.next();
    this.deps.onBusyChange();
  }

  private armTimer(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.timedOut(), this.deps.timeoutMs);
  }

  /** Nothing came: this server does not answer covers (or no longer does); say so to all. */
  private timedOut(): void {
    this.supported = false;
    const all = [...(this.active ? [this.active] : []), ...this.queue.splice(0)];
    this.active = null;
    for (const wanted of all) wanted.reject(this.unsupported(wanted.songId));
    this.deps.onBusyChange();
  }

  private unsupported(songId: number): CoverUnavailableError {
    return new CoverUnavailableError(songId, 'the server does not send covers', true);
  }
}
