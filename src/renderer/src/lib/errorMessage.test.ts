import { describe, expect, it } from 'vitest';
import { errorMessage } from './errorMessage';

describe('errorMessage', () => {
  it('reads Error objects and other values', () => {
    expect(errorMessage(new Error('connection refused'))).toBe('connection refused');
    expect(errorMessage('plain')).toBe('plain');
  });

  it('strips the prefix Electron adds to failed invokes', () => {
    const error = new Error("Error invoking remote method 'library:list': Error: not connected");
    expect(errorMessage(error)).toBe('not connected');
  });

  it('never returns an empty message', () => {
    expect(errorMessage(new Error(''))).toBe('Unknown error');
  });
});
