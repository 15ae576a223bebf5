import { isIPv4, isIPv6 } from 'node:net';

/**
 * IP addresses between text and their network-order bytes, as the PROXY protocol carries them.
 * Text follows what Node reports as `socket.remoteAddress`: dotted IPv4, RFC 5952 IPv6
 * (lowercase, longest zero run as `::`), and IPv4-mapped IPv6 as `::ffff:a.b.c.d`.
 */

export function formatIPv4(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4)).join('.');
}

export function formatIPv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return `::ffff:${formatIPv4(bytes.subarray(12, 16))}`;
  }
  // The longest run of two or more zero groups becomes '::' (the first such run on a tie).
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8;) {
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > bestLength) [bestStart, bestLength] = [start, end - start];
    start = end === start ? start + 1 : end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

/** @throws RangeError when `text` is not an IPv4 address. */
export function parseIPv4(text: string): Buffer {
  if (!isIPv4(text)) throw new RangeError(`not an IPv4 address: ${text}`);
  return Buffer.from(text.split('.').map(Number));
}

/** @throws RangeError when `text` is not an IPv6 address. */
export function parseIPv6(text: string): Buffer {
  if (!isIPv6(text) || text.includes('%')) throw new RangeError(`not an IPv6 address: ${text}`);
  let body = text;
  const words: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]);
    body =
      body.slice(0, -dotted[1].length) +
      `${v4.readUInt16BE(0).toString(16)}:${v4.readUInt16BE(2).toString(16)}`;
  }
  const [head, tail] = body.split('::');
  const headWords = head === '' ? [] : head.split(':');
  const tailWords = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? 0 : 8 - headWords.length - tailWords.length;
  for (const word of headWords) words.push(parseInt(word, 16));
  for (let i = 0; i < zeros; i++) words.push(0);
  for (const word of tailWords) words.push(parseInt(word, 16));
  const bytes = Buffer.alloc(16);
  words.forEach((word, index) => bytes.writeUInt16BE(word, index * 2));
  return bytes;
}

/**
 * The address as Node would report it, so that an address given on the command line compares
 * equal to `socket.remoteAddress` (a dual-stack listener reports IPv4 peers as `::ffff:a.b.c.d`).
 */
export function normalizeAddress(text: string): string {
  if (isIPv4(text)) return formatIPv4(parseIPv4(text));
  if (isIPv6(text) && !text.includes('%')) {
    const formatted = formatIPv6(parseIPv6(text));
    return formatted.startsWith('::ffff:') && isIPv4(formatted.slice(7))
      ? formatted.slice(7)
      : formatted;
  }
  return text;
}
