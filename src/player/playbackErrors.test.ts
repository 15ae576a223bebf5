import { describe, expect, it } from 'vitest';
import { ConnectionClosedError } from '../client';
import { describeFirstListFailure } from './playbackErrors';

describe('describeFirstListFailure', () => {
  it('a peer that closes without a word is not a Tidewave server', () => {
    expect(
      describeFirstListFailure(new ConnectionClosedError('Server closed the connection')),
    ).toBe(
      'This is not a Tidewave server: it closed the connection instead of answering (The server closed the connection)',
    );
  });

  it('a server that says why it refuses is one: its reason, as it gave it', () => {
    const busy = 'The server refused the connection: server busy: 1 connections open';
    expect(describeFirstListFailure(new ConnectionClosedError(busy, true))).toBe(busy);
    const locked = 'Access refused: access code required: this library needs a Tidewave client';
    expect(describeFirstListFailure(new ConnectionClosedError(locked, true))).toBe(locked);
  });
});
