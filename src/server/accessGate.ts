import {
  AUTH_TYPE,
  AuthWord,
  NONCE_BYTES,
  PROOF_BYTES,
  PacketType,
  accessMessages,
  authWord,
  newNonce,
  parseHexField,
  proofMatches,
  serverMessages,
  type Packet,
} from '../protocol';
import type { RefusalReason } from '../shared/refusalInfo';
import type { AccessLedger } from './accessLedger';
import type { RefusalLog } from './refusalLog';

/** A server's access code, the shared memory of wrong attempts, and the host's view of refusals. */
export interface ServerAccess {
  code: string;
  ledger: AccessLedger;
  refusals?: RefusalLog;
}

/** What the gate may do to its connection; ClientConnection provides it. */
export interface AccessGateHost {
  /** Per-address key of the peer (connectionLimits.addressKey). */
  address: string;
  send(packet: Buffer): void;
  endConnection(): void;
  /** The connection's budgeted log: every refusal goes through it. */
  log(line: string): void;
}

/** The reply to a request made before the code was proved; a seed-era client ignores it. */
export const ACCESS_REQUIRED_MESSAGE =
  'access code required: this library needs a Tidewave client that knows its access code';

/**
 * One connection's side of the access code extension (docs/PROTOCOL.md §15). Until the client
 * proves it knows the code, only `auth`, `stop` and `quit` are answered (they reveal nothing);
 * anything else gets an `error` and the connection is closed. Without a code every `auth` is
 * answered `ok` and every request passes.
 */
export class AccessGate {
  private state: 'waiting' | 'admitted' | 'refusing';
  private serverNonce: Buffer | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly access: ServerAccess | null,
    private readonly host: AccessGateHost,
  ) {
    this.state = access === null ? 'admitted' : 'waiting';
  }

  /** Refused: until the close, input is read and dropped, not even parsed (§15.2). */
  get refusing(): boolean {
    return this.state === 'refusing';
  }

  /** Handles `packet` if the gate owns it; false passes it on to the request handler. */
  intercept(packet: Packet): boolean {
    if (this.state === 'refusing') return true; // read and dropped until the close
    if (packet.type === AUTH_TYPE) {
      this.onAuth(packet);
      return true;
    }
    if (this.state === 'admitted') return false;
    // A cover shows the library's content as much as a list does (PROTOCOL §19).
    const revealing = [PacketType.List, PacketType.Play, PacketType.Cover] as string[];
    if (revealing.includes(packet.type)) {
      this.refuse(`${packet.type} before the access code was proved`, ACCESS_REQUIRED_MESSAGE, {
        reason: 'no-proof',
        delayMs: 0,
      });
      return true;
    }
    // Only an admitted client may name itself in the host's listeners table (PROTOCOL §18).
    if (packet.type === PacketType.Hello) return true;
    return false; // stop and quit are answered; unknown types discarded as always
  }

  /** The connection closed: no late error after it. */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private onAuth(packet: Packet): void {
    const word = authWord(packet);
    if (this.access === null || this.state === 'admitted') {
      this.host.send(accessMessages.ok());
      return;
    }
    if (word === '') return this.sendChallenge();
    if (word === AuthWord.Response) return this.checkResponse(this.access, packet);
    this.host.log(`discarded auth packet ${JSON.stringify(word.slice(0, 40))}`);
  }

  private sendChallenge(): void {
    if (!this.mayTry()) return;
    // One nonce per connection: asking again gets the same one, so one connection, one try.
    this.serverNonce ??= newNonce();
    this.host.log('access code challenge sent');
    this.host.send(accessMessages.challenge(this.serverNonce));
  }

  private checkResponse(access: ServerAccess, packet: Packet): void {
    if (!this.mayTry()) return;
    const clientNonce = parseHexField(packet.fields[2], NONCE_BYTES);
    const proof = parseHexField(packet.fields[3], PROOF_BYTES);
    const right =
      this.serverNonce !== null &&
      clientNonce !== null &&
      proof !== null &&
      proofMatches(access.code, this.serverNonce, clientNonce, proof);
    if (right) {
      this.state = 'admitted';
      this.host.log('access code accepted');
      this.host.send(accessMessages.ok());
      return;
    }
    const { failures, delayMs } = access.ledger.recordFailure(this.host.address);
    const unreadable = this.serverNonce === null || clientNonce === null || proof === null;
    const why =
      this.serverNonce === null
        ? 'an access code response to no challenge'
        : unreadable
          ? 'a malformed access code response'
          : 'a wrong access code';
    // That failure may have used up the address's attempts: the host sees the cap at once.
    const next = access.ledger.check(this.host.address);
    this.refuse(
      `${why} (${failures} from this address in the last ${access.ledger.policy.windowMs / 1000} s)`,
      'wrong access code',
      {
        reason: unreadable ? 'bad-response' : 'wrong-code',
        delayMs,
        cappedUntil: next.allowed ? null : Date.now() + next.retryInMs,
      },
    );
  }

  /** False (and the connection refused) when the address has used up its attempts. */
  private mayTry(): boolean {
    const decision = this.access?.ledger.check(this.host.address) ?? { allowed: true };
    if (decision.allowed) return true;
    const seconds = Math.ceil(decision.retryInMs / 1000);
    this.refuse(
      'too many wrong access codes from this address',
      `too many wrong access codes from your address; try again in ${seconds} s`,
      { reason: 'too-many', delayMs: 0, cappedUntil: Date.now() + decision.retryInMs },
    );
    return false;
  }

  /**
   * Logs, shows the host (the refusal log), waits `delayMs` (reading and dropping input), then
   * sends the error and closes.
   */
  private refuse(
    logReason: string,
    message: string,
    {
      reason,
      delayMs,
      cappedUntil = null,
    }: { reason: RefusalReason; delayMs: number; cappedUntil?: number | null },
  ): void {
    this.state = 'refusing';
    this.access?.refusals?.record(this.host.address, { reason, delayMs, cappedUntil });
    const wait = delayMs > 0 ? `; answering in ${delayMs} ms` : '';
    this.host.log(`refused: ${logReason}${wait}`);
    const answer = () => {
      this.host.send(serverMessages.error(message));
      this.host.endConnection();
    };
    if (delayMs > 0) this.timer = setTimeout(answer, delayMs);
    else answer();
  }
}
