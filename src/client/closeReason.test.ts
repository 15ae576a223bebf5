import { describe, expect, it } from 'vitest';
import { describeSessionClose, type CloseFacts } from './closeReason';

const facts = (over: Partial<CloseFacts>): CloseFacts => ({
  ending: null,
  quitAcknowledged: false,
  failureReason: null,
  lastSocketError: null,
  ...over,
});

describe('describeSessionClose', () => {
  it('names a quit by whether the server acknowledged it', () => {
    expect(describeSessionClose(facts({ ending: 'quit', quitAcknowledged: true }))).toBe(
      'Quit acknowledged by the server',
    );
    expect(describeSessionClose(facts({ ending: 'quit' }))).toBe(
      'Closed after quit without an acknowledgement',
    );
  });

  it('names a local close, whatever else happened', () => {
    const reason = describeSessionClose(facts({ ending: 'local', failureReason: 'bad packet' }));
    expect(reason).toBe('Closed by the client');
  });

  it("prefers the session's own failure reason over the socket error", () => {
    const error = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(
      describeSessionClose(facts({ failureReason: 'bad packet', lastSocketError: error })),
    ).toBe('bad packet');
    expect(describeSessionClose(facts({ lastSocketError: error }))).toMatch(/reset/i);
  });
});
