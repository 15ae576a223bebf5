import { closeSync, openSync } from 'node:fs';
import { devNull } from 'node:os';

/** Tries to open one more file: the error code if the process is out of descriptors, else null. */
export function probeFileDescriptors(): 'EMFILE' | 'ENFILE' | null {
  try {
    closeSync(openSync(devNull, 'r'));
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EMFILE' || code === 'ENFILE' ? code : null;
  }
}

/** The log line for a change reported by FileDescriptorWatch. */
export function describeDescriptors(
  code: string | null,
  openConnections: number,
  maxConnections: number,
): string {
  return code === null
    ? `file descriptors available again; accepting clients (${openConnections} open)`
    : `out of file descriptors (${code}) with ${openConnections} connections open: ` +
        'new clients are closed as soon as they connect, until some leave. Raise the ' +
        `open-file limit (ulimit -n) or lower --max-connections (now ${maxConnections}).`;
}

/**
 * Notices when the process runs out of file descriptors. Node says nothing then: libuv accepts
 * each waiting client and closes it at once, and no 'error' reaches the server. So this probes
 * once a second and reports each change: out of descriptors, and available again.
 */
export class FileDescriptorWatch {
  private timer: NodeJS.Timeout | null = null;
  private exhausted: string | null = null;

  constructor(
    private readonly report: (code: 'EMFILE' | 'ENFILE' | null) => void,
    private readonly intervalMs = 1_000,
    private readonly probe = probeFileDescriptors,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Probes now; reports only when the state changed since the last probe. */
  check(): void {
    const code = this.probe();
    if (code === this.exhausted) return;
    this.exhausted = code;
    this.report(code);
  }
}
