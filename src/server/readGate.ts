import { PriorityQueue } from '@datastructures-js/priority-queue';
import { AbortWatch } from './abortWatch';
import {
  compareReadTurns,
  mayReadNow,
  nextLookAt,
  START_CLAIM_MS,
  turnDeadline,
  type ReadTurn,
} from './readOrder';

/** Size of each read's scratch buffer: the most one read may ask for. */
export const READ_SCRATCH_BYTES = 64 * 1024;

/** Reads in flight per server: a few per libuv thread keeps the pool busy without a backlog. */
export const DEFAULT_MAX_ACTIVE_READS = 16;

export interface ReadOptions {
  /** When the stream's listener runs out of audio without this read (readOrder.ts); now if left out. */
  deadline?: number;
  /** Aborting it while the read waits for its turn rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A stream waiting for its first audio; release() once it has it, or is over. */
export interface StartClaim {
  release(): void;
}

interface Waiter extends ReadTurn {
  start: () => void;
  reject: (reason: unknown) => void;
  cancelled: boolean;
}

interface ClaimEntry {
  expires: number;
  released: boolean;
}

/**
 * A limit on the song-file reads in flight across all connections, served soonest-need first
 * (readOrder.ts). Without a limit every stream's read sits in libuv's four-thread pool at once:
 * thousands of streams then turn each event-loop turn into thousands of completions (each a frame
 * and a write), and a new client's request waits behind all of them. With it the loop's work per
 * turn stays small, and streams beyond what the disk and CPU can serve wait their turn here,
 * holding no buffer: each read borrows one of the gate's scratch buffers, so a stream allocates
 * nothing per read either.
 */
export class ReadGate {
  private active = 0;
  private seq = 0;
  private waitingCount = 0;
  private cancelledCount = 0;
  private readonly waiting = new PriorityQueue<Waiter>(compareReadTurns);
  /** Start claims in the order taken, which is also the order they expire in. */
  private claims: ClaimEntry[] = [];
  /** Index of the first claim not yet forgotten (shifting a long array each time is costly). */
  private claimsHead = 0;
  private liveClaims = 0;
  private readonly spare: Buffer[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** One abort listener per stream's signal, not one per waiting read (abortWatch.ts). */
  private readonly aborts = new AbortWatch<Waiter>((waiter, reason) => this.cancel(waiter, reason));

  constructor(
    readonly maxActive: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(maxActive >= 1)) throw new RangeError(`maxActive must be at least 1, got ${maxActive}`);
  }

  get queued(): number {
    return this.waitingCount;
  }

  /** Streams now waiting for their first audio (claims neither released nor expired). */
  get startingStreams(): number {
    this.pruneClaims();
    return this.liveClaims;
  }

  /** Marks a stream as waiting for its first audio: reads far from their need wait for it. */
  claimStart(): StartClaim {
    const entry: ClaimEntry = { expires: this.now() + START_CLAIM_MS, released: false };
    this.claims.push(entry);
    this.liveClaims += 1;
    return {
      release: () => {
        if (entry.released) return;
        entry.released = true;
        this.liveClaims -= 1;
        this.dispatch();
      },
    };
  }

  /**
   * Runs `read` with a scratch buffer of READ_SCRATCH_BYTES once a slot is free and its turn has
   * come; the slot and the buffer are free again when it settles, so whatever `read` keeps of
   * the buffer it must copy before then.
   */
  async run<T>(read: (scratch: Buffer) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    const deadline = turnDeadline(options.deadline ?? this.now(), this.now());
    if (this.active < this.maxActive && this.waitingCount === 0 && this.mayRun(deadline)) {
      this.active += 1;
    } else {
      await this.enqueue(deadline, options.signal);
    }
    const scratch = this.spare.pop() ?? Buffer.allocUnsafeSlow(READ_SCRATCH_BYTES);
    try {
      return await read(scratch);
    } finally {
      this.spare.push(scratch);
      this.active -= 1;
      this.dispatch();
    }
  }

  private mayRun(deadline: number): boolean {
    return mayReadNow(deadline, this.now(), this.startingStreams);
  }

  private enqueue(deadline: number, signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        deadline,
        seq: this.seq++,
        cancelled: false,
        reject,
        start:
          signal === undefined
            ? resolve
            : () => {
                this.aborts.delete(signal, waiter);
                resolve();
              },
      };
      if (signal !== undefined) this.aborts.add(signal, waiter);
      this.waiting.enqueue(waiter);
      this.waitingCount += 1;
      this.dispatch();
    });
  }

  /** A waiting read's stream was cancelled: it leaves the queue (lazily) and rejects now. */
  private cancel(waiter: Waiter, reason: unknown): void {
    waiter.cancelled = true;
    this.waitingCount -= 1;
    this.cancelledCount += 1;
    this.dropCancelled();
    waiter.reject(reason);
  }

  /** Starts waiting reads while slots are free and their turn has come. */
  private dispatch(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.active < this.maxActive) {
      const next = this.waiting.front();
      if (next === null) return;
      if (next.cancelled) {
        this.waiting.dequeue();
        this.cancelledCount -= 1;
        continue;
      }
      if (!this.mayRun(next.deadline)) {
        const at = nextLookAt(next.deadline, this.claims[this.claimsHead]?.expires ?? null);
        this.timer = setTimeout(() => this.dispatch(), Math.max(1, Math.ceil(at - this.now())));
        return;
      }
      this.waiting.dequeue();
      this.waitingCount -= 1;
      this.active += 1;
      next.start();
    }
  }

  /** Forgets claims released or expired at the front; the first left is the next to expire. */
  private pruneClaims(): void {
    const now = this.now();
    for (; this.claimsHead < this.claims.length; this.claimsHead++) {
      const entry = this.claims[this.claimsHead];
      if (!entry.released && entry.expires > now) break;
      if (!entry.released) {
        entry.released = true;
        this.liveClaims -= 1;
      }
    }
    if (this.claimsHead > 1024 && this.claimsHead * 2 > this.claims.length) {
      this.claims = this.claims.slice(this.claimsHead);
      this.claimsHead = 0;
    }
  }

  /** Cancelled waiters are skipped when they come up; many at once are swept out now. */
  private dropCancelled(): void {
    if (this.cancelledCount <= this.waitingCount + 64) return;
    this.waiting.remove((waiter) => waiter.cancelled);
    this.cancelledCount = 0;
  }
}
