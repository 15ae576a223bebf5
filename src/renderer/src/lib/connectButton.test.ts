import { describe, expect, it } from 'vitest';
import { connectButton } from './connectButton';

describe('connectButton', () => {
  it('connects when not connected, unless busy or the port is wrong', () => {
    expect(connectButton('disconnected', false, true)).toEqual({
      label: 'Connect',
      action: 'submit',
      unavailable: false,
    });
    expect(connectButton('error', false, false).unavailable).toBe(true);
    expect(connectButton('disconnected', true, true).unavailable).toBe(true);
  });

  it('cancels a connect under way, busy as it is', () => {
    expect(connectButton('connecting', true, true)).toEqual({
      label: 'Cancel',
      action: 'disconnect',
      unavailable: false,
    });
  });

  it('disconnects when connected or reconnecting (which stops the retries)', () => {
    expect(connectButton('connected', false, true).label).toBe('Disconnect');
    expect(connectButton('reconnecting', false, true).action).toBe('disconnect');
    expect(connectButton('connected', true, true).unavailable).toBe(true);
  });
});
