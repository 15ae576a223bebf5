import type { ConnectionState, HostState } from '../shared/tidewaveApi';
import { LOOPBACK_HOST } from '../shared/defaults';

/**
 * Whether the player is on (or trying to reach) the library this app hosts: same port, at this
 * computer's loopback or at one of the addresses it shares. Stopping hosting then ends the
 * connection too; otherwise the player would try to reconnect to it for minutes.
 */
export function listensToOwnHost(connection: ConnectionState, host: HostState): boolean {
  if (!host.running || host.port === null || connection.status === 'disconnected') return false;
  if (connection.port !== host.port) return false;
  const own = new Set([LOOPBACK_HOST, 'localhost', '::1', host.host ?? LOOPBACK_HOST]);
  for (const address of host.shareAddresses) own.add(hostOf(address));
  return own.has(connection.host);
}

/** "192.168.1.20:8080" → "192.168.1.20"; "[fe80::1]:8080" → "fe80::1". */
function hostOf(address: string): string {
  const colon = address.lastIndexOf(':');
  const host = colon === -1 ? address : address.slice(0, colon);
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
