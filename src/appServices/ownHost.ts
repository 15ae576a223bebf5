import type { ConnectionState, HostState } from '../shared/tidewaveApi';

/**
 * Whether the player is on (or trying to reach) the library this app hosts: same port, at this
 * computer's loopback or at one of the addresses it shares. Stopping hosting then ends the
 * connection too; otherwise the player would try to reconnect to it for minutes.
 */
export function listensToOwnHost(connection: ConnectionState, host: HostState): boolean {
  if (!host.running || host.port === null || connection.status === 'disconnected') return false;
  if (connection.port !== host.port) return false;
  const address = normalAddress(connection.host);
  if (isLoopback(address) || address === normalAddress(host.host ?? '')) return true;
  return host.shareAddresses.some((shared) => normalAddress(hostOf(shared)) === address);
}

/** Lower case, no brackets, an IPv4-mapped IPv6 address as its IPv4 one. */
function normalAddress(address: string): string {
  const bare = address
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return bare.startsWith('::ffff:') && bare.includes('.') ? bare.slice(7) : bare;
}

/** localhost, ::1 and all of 127.0.0.0/8 (Debian names this computer 127.0.1.1). */
function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}

/** "192.168.1.20:8080" → "192.168.1.20"; "[fe80::1]:8080" → "[fe80::1]". */
function hostOf(address: string): string {
  const colon = address.lastIndexOf(':');
  return colon === -1 ? address : address.slice(0, colon);
}
