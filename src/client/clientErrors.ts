/** Errors a client session reports; each message reads well on its own in a terminal or a UI. */

/** The TCP connection could not be opened, e.g. `Cannot connect to 127.0.0.1:8080: connection refused`. */
export class ConnectError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly detail: string,
  ) {
    super(`Cannot connect to ${host}:${port}: ${detail}`);
    this.name = 'ConnectError';
  }
}

/** A request could not be answered because the connection is gone. */
export class ConnectionClosedError extends Error {
  constructor(
    readonly reason: string,
    /** The server said why it closed (a cap, an access code): a Tidewave server refusing. */
    readonly refusal = false,
  ) {
    super(reason);
    this.name = 'ConnectionClosedError';
  }
}

/** The server did not answer a request in time. */
export class RequestTimeoutError extends Error {
  constructor(
    readonly request: string,
    readonly timeoutMs: number,
  ) {
    super(`No reply to ${request} within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * The server answered a play request with an error packet: an unknown song id, or a song it
 * could not read, e.g. `Server refused play 99: unknown song id 99`.
 */
export class PlayRefusedError extends Error {
  constructor(
    readonly songId: number,
    readonly serverMessage: string,
  ) {
    super(`Server refused play ${songId}: ${serverMessage}`);
    this.name = 'PlayRefusedError';
  }
}
