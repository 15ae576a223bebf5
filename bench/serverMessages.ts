/** What the bench and its server child process say to each other over IPC. */
import type { ServerStats } from '../src/server';

/** The real library server, or the bare reference sender (see bareServer.ts). */
export type ServerSpec =
  { kind: 'tidewave'; folder: string; pacing: 'default' | 'off' } | { kind: 'bare'; file: string };

export interface ProcessUsage {
  /** User plus system CPU time since the process started, in microseconds. */
  cpuMicros: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Buffers and other memory outside the JS heap. */
  externalBytes: number;
  /** Clients connected now. */
  connections: number;
  /** The library server's own counters; null for the bare sender. */
  stats: ServerStats | null;
}

export type ChildRequest =
  { id: number; command: 'usage'; collectGarbage: boolean } | { id: number; command: 'close' };

export type ChildMessage =
  | { type: 'ready'; port: number; openFileLimit: number | null }
  | { type: 'usage'; id: number; usage: ProcessUsage }
  | { type: 'closed'; id: number }
  | { type: 'failed'; message: string };
