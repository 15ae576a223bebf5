import type { NetworkInterfaceInfo } from 'node:os';
import { LOOPBACK_HOST } from '../shared/defaults';

export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * The `host:port` addresses to tell others. Shared on the LAN: every external IPv4 address of
 * this machine (the server binds 0.0.0.0, IPv4 only); with none, or when local, the loopback.
 */
export function shareAddresses(shareOnLan: boolean, port: number, table: InterfaceTable): string[] {
  const local = [`${LOOPBACK_HOST}:${port}`];
  if (!shareOnLan) return local;
  const lan = Object.values(table)
    .flatMap((infos) => infos ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => `${info.address}:${port}`);
  return lan.length > 0 ? [...new Set(lan)] : local;
}
