import { instanceName } from './libraryTxt';

/** What the claim needs of a multicast DNS socket (multicast-dns, as bonjour-service holds it). */
export interface MulticastQuerier {
  query(name: string, type: string, callback?: () => void): void;
  on(event: 'response', listener: (packet: MdnsPacket) => void): unknown;
  removeListener(event: 'response', listener: (packet: MdnsPacket) => void): unknown;
}

export interface MdnsPacket {
  answers?: Array<{ name?: string }>;
  additionals?: Array<{ name?: string }>;
}

export interface ClaimOptions {
  /** Queries per name, as RFC 6762 §8.1 probes: three, 250 ms apart. */
  probes?: number;
  probeGapMs?: number;
  /** Names tried before giving up: `Name`, `Name (2)` … `Name (N)`. */
  maxNames?: number;
}

/** No free name was found: every candidate is in use on the network. */
export class NameConflictError extends Error {
  constructor(
    readonly baseName: string,
    tried: number,
  ) {
    super(
      `every name tried ("${baseName}" to "${candidateName(baseName, tried)}") is already announced on the network by another library`,
    );
    this.name = 'NameConflictError';
  }
}

/**
 * The `attempt`-th name tried for `base` (from 1): `base`, then `base (2)`, `base (3)`, as
 * Bonjour renames; the base is shortened so the whole stays a 63-byte DNS label. Pure.
 */
export function candidateName(base: string, attempt: number): string {
  if (attempt <= 1) return instanceName(base);
  const suffix = ` (${attempt})`;
  let stem = instanceName(base);
  while (Buffer.byteLength(stem + suffix, 'utf8') > 63) stem = [...stem].slice(0, -1).join('');
  return instanceName(stem.trimEnd() + suffix);
}

/** The DNS-SD instance's full name, as bonjour-service builds it for `_type._tcp`. */
export function serviceFqdn(name: string, type: string): string {
  return `${name}._${type}._tcp.local`;
}

/** Whether anyone on the network answers for `fqdn`: a few queries, listening for an answer. */
export function nameAnswered(
  mdns: MulticastQuerier,
  fqdn: string,
  { probes = 3, probeGapMs = 250 }: ClaimOptions = {},
): Promise<boolean> {
  const wanted = fqdn.toLowerCase();
  return new Promise((resolve) => {
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const names = (packet: MdnsPacket) =>
      [...(packet.answers ?? []), ...(packet.additionals ?? [])].map((record) =>
        (record.name ?? '').toLowerCase(),
      );
    const finish = (answered: boolean) => {
      clearTimeout(timer);
      mdns.removeListener('response', onResponse);
      resolve(answered);
    };
    const onResponse = (packet: MdnsPacket) => {
      if (sent > 0 && names(packet).includes(wanted)) finish(true);
    };
    const probe = () => {
      sent += 1;
      mdns.query(fqdn, 'ANY');
      timer = setTimeout(sent < probes ? probe : () => finish(false), probeGapMs);
    };
    mdns.on('response', onResponse);
    probe();
  });
}

/**
 * Finds a name no other library answers for: `base`, else `base (2)`, and so on. bonjour-service's
 * own probe, on a conflict, only prints a line and sends a goodbye for the other library's name
 * (so browsers drop *that* library); so the name is claimed here and published without its probe.
 * @throws NameConflictError when `maxNames` names are all taken.
 */
export async function claimName(
  mdns: MulticastQuerier,
  base: string,
  type: string,
  options: ClaimOptions = {},
): Promise<string> {
  const maxNames = options.maxNames ?? 10;
  for (let attempt = 1; attempt <= maxNames; attempt++) {
    const name = candidateName(base, attempt);
    if (!(await nameAnswered(mdns, serviceFqdn(name, type), options))) return name;
  }
  throw new NameConflictError(instanceName(base), maxNames);
}
