import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../shared/tidewaveApi';
import { connectionStatusLine } from './connectionStatusLine';

const state = (patch: Partial<ConnectionState>): ConnectionState => ({
  status: 'connected',
  host: 'box',
  port: 7000,
  hasMetadata: true,
  error: null,
  ...patch,
});

describe('connectionStatusLine', () => {
  it('names the status', () => {
    expect(connectionStatusLine(state({}), null)).toBe('Connected');
    expect(connectionStatusLine(state({ status: 'error' }), null)).toBe('No connection');
  });

  it('while reconnecting, names the attempt and why, without a countdown', () => {
    const retrying = state({
      status: 'reconnecting',
      error: 'The server closed the connection',
      retry: { attempt: 5, delayMs: 9000 },
    });
    expect(connectionStatusLine(retrying, null)).toBe(
      'Reconnecting… · attempt 5; The server closed the connection',
    );
  });

  it('after a disconnect, says whether the server answered quit', () => {
    const gone = state({ status: 'disconnected' });
    expect(connectionStatusLine(gone, true)).toBe('Not connected · Server acknowledged quit');
    expect(connectionStatusLine(gone, false)).toBe(
      'Not connected · Server closed without answering quit',
    );
    expect(connectionStatusLine(state({}), true)).toBe('Connected');
  });
});
