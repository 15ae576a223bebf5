import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** What each of this process's open descriptors points at now (Linux: /proc/self/fd). */
function descriptorTargets(): string[] {
  const targets: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      targets.push(readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // closed while we looked
    }
  }
  return targets;
}

/** How many of this process's descriptors are open on each of `files` right now. */
export function openDescriptors(files: readonly string[]): number[] {
  const counts = files.map(() => 0);
  for (const target of descriptorTargets()) {
    const index = files.indexOf(target);
    if (index !== -1) counts[index] += 1;
  }
  return counts;
}

/** Whether a descriptor of this process is the socket with this inode. */
export function holdsSocket(inode: number): boolean {
  return descriptorTargets().includes(`socket:[${inode}]`);
}

/** /proc/net/tcp's spelling of an IPv4 address and port: `0100007F:1F90` for 127.0.0.1:8080. */
function procAddress(address: string, port: number): string {
  const bytes = address.split('.').map(Number).reverse();
  const hex = (n: number, digits: number) => n.toString(16).toUpperCase().padStart(digits, '0');
  return `${bytes.map((b) => hex(b, 2)).join('')}:${hex(port, 4)}`;
}

/**
 * The inode of the IPv4 TCP socket from `local` to `remote` (as that socket's own side sees
 * them), or null while there is none with a file (one not yet accepted has inode 0).
 */
export function tcpSocketInode(
  local: { address: string; port: number },
  remote: { address: string; port: number },
): number | null {
  const want = `${procAddress(local.address, local.port)} ${procAddress(remote.address, remote.port)}`;
  for (const line of readFileSync('/proc/net/tcp', 'latin1').split('\n').slice(1)) {
    const columns = line.trim().split(/\s+/);
    if (`${columns[1]} ${columns[2]}` !== want) continue;
    const inode = Number(columns[9]);
    return inode > 0 ? inode : null;
  }
  return null;
}
