import { describeLostConnection } from './socketErrors';

/** How a session ended on its own side: by `quit`, by `close()`, or not at all (null). */
export type SessionEnding = 'quit' | 'local' | null;

export interface CloseFacts {
  ending: SessionEnding;
  quitAcknowledged: boolean;
  /** Why the session gave up on the server itself (a protocol fault), if it did. */
  failureReason: string | null;
  lastSocketError: Error | null;
}

/** The sentence a closed session reports, for people: one reason, whoever closed. */
export function describeSessionClose(facts: CloseFacts): string {
  if (facts.ending === 'quit') {
    return facts.quitAcknowledged
      ? 'Quit acknowledged by the server'
      : 'Closed after quit without an acknowledgement';
  }
  if (facts.ending === 'local') return 'Closed by the client';
  return facts.failureReason ?? describeLostConnection(facts.lastSocketError);
}
