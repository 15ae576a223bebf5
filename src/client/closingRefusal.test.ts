import { describe, expect, it } from 'vitest';
import { closingRefusal } from './closingRefusal';

describe('closingRefusal', () => {
  it('reads the refusals that close the connection as a reason for the close', () => {
    expect(closingRefusal('server busy: 480 connections open')).toBe(
      'The server refused the connection: server busy: 480 connections open',
    );
    expect(closingRefusal('too many connections from your address (64)')).toBe(
      'The server refused the connection: too many connections from your address (64)',
    );
    expect(closingRefusal('connection refused: a PROXY header from 10.0.0.9')).toBe(
      'The server refused the connection: a PROXY header from 10.0.0.9',
    );
    expect(closingRefusal('timed out: no complete request within 60 s')).toBe(
      'The server closed the connection: timed out: no complete request within 60 s',
    );
  });

  it('leaves the errors after which the connection stays open alone', () => {
    for (const message of [
      'unknown song id 99',
      'could not stream song 2',
      'start time 999 s is past the end of song 1 (30.000 s)',
      'too many cover requests (at most 64 waiting)',
      'request refused',
    ]) {
      expect(closingRefusal(message)).toBeNull();
    }
  });
});
