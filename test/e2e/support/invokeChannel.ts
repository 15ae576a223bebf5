import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request as the page's bridge sends it (pageBridgeScript.ts). */
interface InvokeRequest {
  /** performance.timeOrigin of the page's load: later loads have larger ones. */
  load: number;
  /** The call's place among this load's calls, from 0. */
  seq: number;
  method: string;
  /** Each argument as `{ v: value }`, or `{}` for undefined (JSON would make it null). */
  args: Array<{ v?: unknown }>;
}

export type InvokeHandler = (method: string, args: unknown[]) => Promise<unknown>;
/** How many events page load `load` must have dispatched before it takes an answer. */
export type EventsSent = (load: number) => number;

const MAX_REQUEST_BYTES = 1 << 20;

/**
 * The Node end of the page's invoke calls: a POST on the page's own origin per call, answered
 * with `{ result }` (the handler's result, JSON) or `{ error }` (its message), and `events`: the
 * events sent to the page by then, which it dispatches before it takes the answer. The page's fetches
 * can overtake one another on their connections, so calls are started here in the order the page
 * made them, as Electron's IPC delivers them; a newer load of the page starts afresh, and calls
 * from an older one run at once (their answers go nowhere).
 */
export class InvokeChannel {
  private load = -1;
  private next = 0;
  private readonly held = new Map<number, () => void>();

  constructor(
    private readonly handler: InvokeHandler,
    private readonly eventsSent: EventsSent = () => 0,
  ) {}

  handle(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'POST') {
      response.writeHead(405).end();
      return;
    }
    const parts: Buffer[] = [];
    let bytes = 0;
    request.on('data', (part: Buffer) => {
      bytes += part.length;
      if (bytes > MAX_REQUEST_BYTES) request.destroy();
      else parts.push(part);
    });
    request.on('end', () => {
      let call: InvokeRequest;
      try {
        call = JSON.parse(Buffer.concat(parts).toString()) as InvokeRequest;
      } catch {
        response.writeHead(400).end();
        return;
      }
      this.admit(call, () => this.run(call, response));
    });
  }

  private admit({ load, seq }: InvokeRequest, run: () => void): void {
    if (load < this.load) return run();
    if (load > this.load) {
      this.load = load;
      this.next = 0;
      this.held.clear();
    }
    this.held.set(seq, run);
    for (let turn = this.held.get(this.next); turn; turn = this.held.get(this.next)) {
      this.held.delete(this.next);
      this.next += 1;
      turn();
    }
  }

  private run({ load, method, args }: InvokeRequest, response: ServerResponse): void {
    const reply = (status: number, body: object) =>
      response
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ...body, events: this.eventsSent(load) }));
    // Started now (in order); answered whenever it settles.
    this.handler(
      method,
      args.map((arg) => arg.v),
    ).then(
      (result) => reply(200, result === undefined ? {} : { result }),
      (error: unknown) =>
        reply(200, { error: error instanceof Error ? error.message : String(error) }),
    );
  }
}
