import { describe, expect, it } from 'vitest';
import { connectionProblem } from './connectionProblem';

const at = { host: '127.0.0.1', port: 8080 };

describe('connectionProblem', () => {
  it('names the server and why it could not be reached', () => {
    expect(
      connectionProblem({ ...at, status: 'error', error: 'The server closed the connection' }),
    ).toEqual({
      title: 'No connection to 127.0.0.1:8080',
      detail: 'The server closed the connection',
    });
    expect(connectionProblem({ ...at, status: 'error', error: null })?.detail).toBe(
      'The server went away.',
    );
  });

  it('leaves an access code the server asks for, or refused, to the prompt', () => {
    const required = 'Access refused: access code required: this library needs a Tidewave client';
    expect(connectionProblem({ ...at, status: 'error', error: required })).toBeNull();
    const wrong = 'Access refused: wrong access code';
    expect(connectionProblem({ ...at, status: 'error', error: wrong })).toBeNull();
  });

  it('says nothing while connected, connecting or reconnecting', () => {
    for (const status of ['connected', 'connecting', 'reconnecting', 'disconnected'] as const) {
      expect(connectionProblem({ ...at, status, error: 'x' })).toBeNull();
    }
  });
});
