import { describe, expect, it } from 'vitest';
import { STOPPED_HOST, type ConnectionState, type HostState } from '../shared/tidewaveApi';
import { listensToOwnHost } from './ownHost';

const hosting: HostState = {
  ...STOPPED_HOST,
  running: true,
  folder: '/music',
  port: 4100,
  host: '0.0.0.0',
  shareOnLan: true,
  shareAddresses: ['192.168.1.20:4100', '[fe80::1]:4100'],
  songCount: 3,
};

function at(host: string, port: number, status: ConnectionState['status'] = 'connected') {
  return { status, host, port, hasMetadata: true, error: null } as ConnectionState;
}

describe('listensToOwnHost', () => {
  it('is true on the hosted port at loopback or at an address this computer shares', () => {
    const own = ['127.0.0.1', 'localhost', '::1', '192.168.1.20', 'fe80::1', '0.0.0.0'];
    // Found in review: other spellings of the same computer.
    own.push('LOCALHOST', '127.0.1.1', '[::1]', '::ffff:127.0.0.1', '::FFFF:192.168.1.20');
    for (const host of own) {
      expect(listensToOwnHost(at(host, 4100), hosting)).toBe(true);
    }
  });

  it('counts a player still reconnecting to it', () => {
    expect(listensToOwnHost(at('127.0.0.1', 4100, 'reconnecting'), hosting)).toBe(true);
  });

  it('is false for another port, another computer, no connection, or no hosting', () => {
    expect(listensToOwnHost(at('127.0.0.1', 4101), hosting)).toBe(false);
    expect(listensToOwnHost(at('192.168.1.21', 4100), hosting)).toBe(false);
    expect(listensToOwnHost(at('127.0.0.1', 4100, 'disconnected'), hosting)).toBe(false);
    expect(listensToOwnHost(at('127.0.0.1', 4100), STOPPED_HOST)).toBe(false);
  });
});
