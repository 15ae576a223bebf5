import type { Socket } from 'node:net';
import { serverMessages } from '../protocol';
import { normalizeAddress } from './ipAddressBytes';
import { decidePreamble } from './proxyPreamble';

/** Who is on the other end of an admitted connection, as logs and per-address caps see it. */
export interface ConnectionPeer {
  address: string;
  port: number;
  /** The balancer's own connection (a PROXY v2 LOCAL header): its health checks. */
  healthCheck: boolean;
}

export interface ProxyGateOptions {
  /** Addresses of the balancers that send PROXY v2 headers. Empty: no PROXY handling at all. */
  balancers: readonly string[];
  /** How long a connection may take to show whether it carries a header. */
  timeoutMs?: number;
  /** Connections waiting to show it, at most; more are refused. */
  maxPending?: number;
  maxHeaderBytes?: number;
  log: (line: string) => void;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_PENDING = 1_024;
/** A refused peer gets this long to read the error before the socket is destroyed. */
const REFUSE_CLOSE_MS = 2_000;

/**
 * Reads the PROXY v2 header (docs/DEPLOY.md) off each new connection before the protocol sees
 * it, and hands the socket on with the real client's address. Without balancers it passes every
 * socket straight through, as if it were not there.
 */
export class ProxyGate {
  private readonly balancers: ReadonlySet<string>;
  /** Sockets not yet handed on: waiting for their first bytes, or being refused. */
  private readonly held = new Set<Socket>();

  constructor(private readonly options: ProxyGateOptions) {
    this.balancers = new Set(options.balancers.map(normalizeAddress));
  }

  get heldCount(): number {
    return this.held.size;
  }

  admit(socket: Socket, onReady: (peer: ConnectionPeer) => void): void {
    const own = { address: socket.remoteAddress ?? 'unknown', port: socket.remotePort ?? 0 };
    if (this.balancers.size === 0) return onReady({ ...own, healthCheck: false });
    if (this.held.size >= (this.options.maxPending ?? DEFAULT_MAX_PENDING)) {
      return this.refuse(socket, 'too many connections still to identify');
    }
    const fromBalancer = this.balancers.has(normalizeAddress(own.address));
    let received: Buffer = Buffer.alloc(0);
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(
      () => this.refuse(socket, `showed no complete PROXY header within ${timeoutMs} ms`),
      timeoutMs,
    );
    timer.unref();
    const onData = (chunk: Buffer) => {
      received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
      const decision = decidePreamble(received, fromBalancer, this.options.maxHeaderBytes);
      if (decision.action === 'wait') return;
      stopWatching();
      if (decision.action === 'refuse') return this.refuse(socket, decision.reason);
      this.held.delete(socket);
      // Hand the bytes after the header back to the stream, for the connection to read first.
      socket.pause();
      if (decision.rest.length > 0) socket.unshift(decision.rest);
      onReady({ ...(decision.peer ?? own), healthCheck: decision.healthCheck });
      socket.resume();
    };
    const onEnd = () => {
      stopWatching();
      this.refuse(socket, 'closed before showing whether it carries a PROXY header');
    };
    const stopWatching = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('end', onEnd);
    };
    this.held.add(socket);
    socket.once('close', () => {
      stopWatching();
      this.held.delete(socket);
    });
    socket.on('error', () => {}); // 'close' follows and cleans up.
    socket.on('data', onData);
    socket.on('end', onEnd);
  }

  /** Drops every socket not yet handed on (the server is closing). */
  destroyAll(): void {
    for (const socket of this.held) socket.destroy();
  }

  private refuse(socket: Socket, reason: string): void {
    this.options.log(
      `connection from ${socket.remoteAddress ?? 'unknown'}:${socket.remotePort ?? 0} refused: ${reason}`,
    );
    this.held.add(socket);
    socket.once('close', () => this.held.delete(socket));
    socket.on('error', () => {}); // A reset while refusing is expected.
    if (!socket.destroyed) socket.end(serverMessages.error(`connection refused: ${reason}`));
    socket.resume(); // Whatever else it sends is read and dropped.
    setTimeout(() => socket.destroy(), REFUSE_CLOSE_MS).unref();
  }
}
