import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildRequest, ProcessUsage, ServerSpec } from './serverMessages';
import { askChild } from './askChild';
import { spawnTsChild } from './spawnTsChild';
import { withTimeout } from './timing';

const SERVER_ENTRY = fileURLToPath(new URL('./serverProcess.ts', import.meta.url));
const START_TIMEOUT_MS = 20_000;
const REPLY_TIMEOUT_MS = 10_000;

export interface StartOptions {
  /** Open files the server must be able to hold; the child's soft limit is raised to fit. */
  openFiles?: number;
}

/** A server child process (serverProcess.ts) on 127.0.0.1, seen from the bench. */
export class ServerHandle {
  private nextId = 1;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly openFileLimit: number | null,
  ) {}

  static async start(spec: ServerSpec, options: StartOptions = {}): Promise<ServerHandle> {
    const child = spawnTsChild(SERVER_ENTRY, [JSON.stringify(spec)], options.openFiles ?? 0);
    const ready = new Promise<Extract<ChildMessage, { type: 'ready' }>>((resolve, reject) => {
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') resolve(message);
        if (message.type === 'failed') reject(new Error(`server child: ${message.message}`));
      });
      child.once('exit', (code) => reject(new Error(`server child exited (${code}) at start`)));
    });
    try {
      const { port, openFileLimit } = await withTimeout(ready, START_TIMEOUT_MS, 'server start');
      return new ServerHandle(child, port, openFileLimit);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  /** The child's process id, for reading its CPU time from outside. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Kills the server at once, as a crash would: its clients see their connections reset. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }

  async usage(collectGarbage = false, memoryOnly = false): Promise<ProcessUsage> {
    const reply = await this.request({
      id: this.nextId++,
      command: 'usage',
      collectGarbage,
      memoryOnly,
    });
    if (reply.type !== 'usage') throw new Error('server child gave no usage');
    return reply.usage;
  }

  /** Stops the server (dropping its clients) and waits for the process to exit. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    try {
      await this.request({ id: this.nextId++, command: 'close' });
      await withTimeout(exited, REPLY_TIMEOUT_MS, 'server exit');
    } catch {
      this.child.kill('SIGKILL');
      await exited;
    }
  }

  private request(request: ChildRequest): Promise<ChildMessage> {
    const isReply = (message: ChildMessage) => 'id' in message && message.id === request.id;
    return askChild(this.child, request, REPLY_TIMEOUT_MS, `server ${request.command}`, isReply);
  }
}
