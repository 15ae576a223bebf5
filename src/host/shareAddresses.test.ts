import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { shareAddresses } from './shareAddresses';

function info(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const base = { address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...base, family } : { ...base, family, scopeid: 0 };
}

const TABLE = {
  lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
  eth0: [info('192.168.1.20', 'IPv4'), info('fe80::1', 'IPv6')],
  wlan0: [info('10.0.0.7', 'IPv4')],
};

describe('shareAddresses', () => {
  it('gives only the loopback address when the library stays on this machine', () => {
    expect(shareAddresses(false, 8080, TABLE)).toEqual(['127.0.0.1:8080']);
  });

  it('lists every external IPv4 address when shared on the LAN', () => {
    expect(shareAddresses(true, 9000, TABLE)).toEqual(['192.168.1.20:9000', '10.0.0.7:9000']);
  });

  it('falls back to the loopback address when there is no network', () => {
    expect(shareAddresses(true, 8080, { lo: TABLE.lo })).toEqual(['127.0.0.1:8080']);
  });
});
