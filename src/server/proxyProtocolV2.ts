import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from './ipAddressBytes';

/**
 * The PROXY protocol, version 2 (HAProxy's proxy-protocol.txt, section 2.2): a binary header a
 * load balancer sends first on each connection it opens to a backend, naming the client it
 * forwards. Pure functions over bytes; the socket side is proxyGate.ts.
 *
 *   12 bytes  signature \r\n\r\n\0\r\nQUIT\n
 *    1 byte   version (high nibble, must be 2) and command (low nibble: 0 LOCAL, 1 PROXY)
 *    1 byte   address family (high nibble) and transport (low nibble)
 *    2 bytes  length of the rest, big-endian: addresses, then optional TLVs (skipped here)
 */

export const PROXY_V2_SIGNATURE = Buffer.from('0d0a0d0a000d0a515549540a', 'hex');
const FIXED_BYTES = 16;
/** The seed-era text form, which this server does not accept. */
const PROXY_V1_PREFIX = Buffer.from('PROXY ');
/**
 * The most header bytes accepted. An IPv6 header is 52 bytes; the rest leaves room for the
 * TLVs HAProxy can add (unique id, SSL details), while a peer cannot make us hold 64 KiB.
 */
export const DEFAULT_MAX_PROXY_HEADER_BYTES = 2048;

const FAMILY_INET = 0x1;
const FAMILY_INET6 = 0x2;
const TRANSPORT_STREAM = 0x1;
const COMMAND_LOCAL = 0x0;
const COMMAND_PROXY = 0x1;

export interface Endpoint {
  address: string;
  port: number;
}

export type ProxyHeader =
  /** The balancer's own connection (its health checks): use the socket's real endpoints. */
  | { command: 'local'; headerBytes: number }
  /**
   * A forwarded connection. `source` is null when the family is not TCP over IPv4/IPv6 (UNSPEC,
   * UNIX, UDP): the specification then says to use the socket's real endpoints.
   */
  | {
      command: 'proxy';
      source: Endpoint | null;
      destination: Endpoint | null;
      headerBytes: number;
    };

export type ProxyParse =
  /** Every byte so far agrees with a v2 header that is not complete yet. */
  | { kind: 'incomplete' }
  /** The bytes do not start with a PROXY header. */
  | { kind: 'absent' }
  /** A PROXY header (its signature is there) that this receiver must refuse. */
  | { kind: 'invalid'; reason: string }
  | { kind: 'header'; header: ProxyHeader };

function startsLike(bytes: Uint8Array, prefix: Buffer): boolean {
  const length = Math.min(bytes.length, prefix.length);
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).equals(prefix.subarray(0, length));
}

/** Reads a PROXY v2 header from the start of `bytes` (the first bytes a connection sent). */
export function parseProxyV2(
  bytes: Uint8Array,
  maxHeaderBytes = DEFAULT_MAX_PROXY_HEADER_BYTES,
): ProxyParse {
  if (!startsLike(bytes, PROXY_V2_SIGNATURE)) {
    if (!startsLike(bytes, PROXY_V1_PREFIX)) return { kind: 'absent' };
    return bytes.length < PROXY_V1_PREFIX.length
      ? { kind: 'incomplete' }
      : { kind: 'invalid', reason: 'PROXY protocol v1 header; only v2 is accepted' };
  }
  if (bytes.length < FIXED_BYTES) return { kind: 'incomplete' };
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const version = view[12] >> 4;
  const command = view[12] & 0x0f;
  if (version !== 2) return { kind: 'invalid', reason: `PROXY header version ${version}, not 2` };
  if (command !== COMMAND_LOCAL && command !== COMMAND_PROXY) {
    return { kind: 'invalid', reason: `PROXY header command ${command} is not LOCAL or PROXY` };
  }
  const headerBytes = FIXED_BYTES + view.readUInt16BE(14);
  if (headerBytes > maxHeaderBytes) {
    return {
      kind: 'invalid',
      reason: `PROXY header of ${headerBytes} bytes (most ${maxHeaderBytes})`,
    };
  }
  if (view.length < headerBytes) return { kind: 'incomplete' };
  // LOCAL: the receiver ignores the address block whatever it says.
  if (command === COMMAND_LOCAL)
    return { kind: 'header', header: { command: 'local', headerBytes } };
  const family = view[13] >> 4;
  const transport = view[13] & 0x0f;
  const block = view.subarray(FIXED_BYTES, headerBytes);
  if (transport === TRANSPORT_STREAM && (family === FAMILY_INET || family === FAMILY_INET6)) {
    const size = family === FAMILY_INET ? 4 : 16;
    if (block.length < 2 * size + 4) {
      return {
        kind: 'invalid',
        reason: `PROXY header too short for its addresses (${block.length} bytes)`,
      };
    }
    const format = family === FAMILY_INET ? formatIPv4 : formatIPv6;
    const source = { address: format(block.subarray(0, size)), port: block.readUInt16BE(2 * size) };
    const destination = {
      address: format(block.subarray(size, 2 * size)),
      port: block.readUInt16BE(2 * size + 2),
    };
    return { kind: 'header', header: { command: 'proxy', source, destination, headerBytes } };
  }
  return {
    kind: 'header',
    header: { command: 'proxy', source: null, destination: null, headerBytes },
  };
}

export type ProxyHeaderSpec =
  | { command: 'local' }
  | { command: 'proxy'; source: Endpoint; destination: Endpoint; tlvBytes?: Uint8Array };

/** Builds a v2 header (TCP over IPv4 or IPv6), as a balancer would send it. */
export function encodeProxyV2(spec: ProxyHeaderSpec): Buffer {
  if (spec.command === 'local') {
    return Buffer.concat([PROXY_V2_SIGNATURE, Buffer.from([0x20, 0x00, 0x00, 0x00])]);
  }
  const v4 = !spec.source.address.includes(':');
  const parse = v4 ? parseIPv4 : parseIPv6;
  const ports = Buffer.alloc(4);
  ports.writeUInt16BE(spec.source.port, 0);
  ports.writeUInt16BE(spec.destination.port, 2);
  const tlvs = Buffer.from(spec.tlvBytes ?? new Uint8Array(0));
  const block = Buffer.concat([
    parse(spec.source.address),
    parse(spec.destination.address),
    ports,
    tlvs,
  ]);
  const fixed = Buffer.from([
    0x21,
    ((v4 ? FAMILY_INET : FAMILY_INET6) << 4) | TRANSPORT_STREAM,
    0,
    0,
  ]);
  fixed.writeUInt16BE(block.length, 2);
  return Buffer.concat([PROXY_V2_SIGNATURE, fixed, block]);
}
