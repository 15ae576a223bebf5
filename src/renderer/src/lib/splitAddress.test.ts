import { describe, expect, it } from 'vitest';
import { splitAddress } from './splitAddress';

describe('splitAddress', () => {
  it('takes the port from a whole address in the host field', () => {
    expect(splitAddress('192.168.1.20:34799', '8080')).toEqual({
      host: '192.168.1.20',
      port: '34799',
    });
    expect(splitAddress(' nas.local:9000 ', '')).toEqual({ host: 'nas.local', port: '9000' });
    expect(splitAddress('[fe80::1]:8080', '1')).toEqual({ host: 'fe80::1', port: '8080' });
  });

  it('leaves a host without a port, and a bare IPv6 address, to the port field', () => {
    expect(splitAddress('192.168.1.20', ' 8080 ')).toEqual({ host: '192.168.1.20', port: '8080' });
    expect(splitAddress('fe80::1', '8080')).toEqual({ host: 'fe80::1', port: '8080' });
    expect(splitAddress('nas.local:', '8080')).toEqual({ host: 'nas.local:', port: '8080' });
  });
});
