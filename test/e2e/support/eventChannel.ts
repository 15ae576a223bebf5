import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the page must have dispatched for every event sent so far to have reached it. */
export interface DeliveryMark {
  /** Which load of the page is listening (a reload opens a new stream). */
  load: number;
  /** Frames written on that load's stream. */
  frames: number;
}

/**
 * The Node end of the page's event stream: a GET the page's bridge script makes on its own
 * origin and keeps open, on which each event is one frame (bridgeFrames.ts). One page load
 * listens at a time; events sent while none does wait for the next, in order.
 */
export class EventChannel {
  private response: ServerResponse | null = null;
  private pending: Buffer[] = [];
  private load = 0;
  private frames = 0;
  private closed = false;

  /** The page (a new load of it) opens its stream. */
  attach(request: IncomingMessage, response: ServerResponse): void {
    if (this.closed || request.method !== 'GET') {
      response.writeHead(this.closed ? 410 : 405).end();
      return;
    }
    this.response?.end();
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'cache-control': 'no-store',
      // Nothing held back for MIME sniffing: each frame is dispatched as soon as it arrives.
      'x-content-type-options': 'nosniff',
    });
    response.flushHeaders();
    request.socket.setNoDelay(true);
    this.response = response;
    this.load += 1;
    this.frames = 0;
    response.on('close', () => {
      if (this.response === response) this.response = null;
    });
    const waiting = this.pending;
    this.pending = [];
    for (const frame of waiting) this.write(frame);
  }

  send(frame: Buffer): void {
    if (this.closed) return;
    if (this.response) this.write(frame);
    else this.pending.push(frame);
  }

  /** Null while events wait for a page to listen. */
  get mark(): DeliveryMark | null {
    return this.response && this.pending.length === 0
      ? { load: this.load, frames: this.frames }
      : null;
  }

  close(): void {
    this.closed = true;
    this.pending = [];
    this.response?.end();
    this.response = null;
  }

  private write(frame: Buffer): void {
    this.response?.write(frame);
    this.frames += 1;
  }
}
