/**
 * One address the hosted library refused for its access code (PROTOCOL §15), as the host sees
 * it. Plain data, so it crosses IPC as is; kept by the server's RefusalLog (src/server).
 */
export type RefusalReason =
  /** A `list`, `play` or `cover` before the code was proved (a seed-era client, say). */
  | 'no-proof'
  /** A response that proved another code. */
  | 'wrong-code'
  /** A response that could not be read, or answered no challenge. */
  | 'bad-response'
  /** The address used up its attempts for now: no code of it is even checked. */
  | 'too-many';

export interface RefusalInfo {
  /** The refused address (IPv4-mapped IPv6 as IPv4; behind a balancer, its PROXY header's). */
  address: string;
  /** Refusals of this address since the host started remembering it. */
  count: number;
  /** Why the last one was refused. */
  reason: RefusalReason;
  /** When the last one was, in milliseconds since the epoch. */
  lastAt: number;
  /** How long the last refusal's answer was held back (the growing wrong-code delay), in ms. */
  delayMs: number;
  /** Until when no code from this address is checked (ms since the epoch), or null: not capped. */
  cappedUntil: number | null;
}
