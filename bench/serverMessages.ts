/** What the bench and its server child process say to each other over IPC. */
import type { ConnectionLimits, ServerStats } from '../src/server';

/** The real library server, or the bare reference sender (see bareServer.ts). */
export type ServerSpec =
  | {
      kind: 'tidewave';
      folder: string;
      pacing: 'default' | 'off';
      /** Left out: the server's defaults. */
      limits?: Partial<ConnectionLimits>;
      /** Balancer addresses whose connections carry PROXY v2 headers (the cluster scenario). */
      proxyFrom?: string[];
    }
  | { kind: 'bare'; file: string };

export interface ProcessUsage {
  /** User plus system CPU time since the process started, in microseconds. */
  cpuMicros: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Buffers and other memory outside the JS heap. */
  externalBytes: number;
  /** Clients connected now. */
  connections: number;
  /** File descriptors the process holds now (Linux /proc); null where unknown. */
  openFiles: number | null;
  /** Lines and bytes the library server has logged so far (0 for the bare sender). */
  logLines: number;
  logBytes: number;
  /** The library server's own counters; null for the bare sender. */
  stats: ServerStats | null;
}

export type ChildRequest =
  | {
      id: number;
      command: 'usage';
      collectGarbage: boolean;
      /** CPU and memory only: no open-file count, no server stats (see MemorySampler). */
      memoryOnly?: boolean;
    }
  | { id: number; command: 'close' };

export type ChildMessage =
  | { type: 'ready'; port: number; openFileLimit: number | null }
  | { type: 'usage'; id: number; usage: ProcessUsage }
  | { type: 'closed'; id: number }
  | { type: 'failed'; message: string };
