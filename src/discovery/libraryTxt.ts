/**
 * What a Tidewave library says about itself in DNS-SD (docs/PROTOCOL.md §16): the service type
 * and the TXT record, written and read by pure functions.
 */

/** `_tidewave._tcp`, as bonjour-service spells it (it adds the underscores and the protocol). */
export const SERVICE_TYPE = 'tidewave';

/** The protocol extensions a current Tidewave server speaks, as announced in `ext`. */
export const SERVER_EXTENSIONS: readonly string[] = [
  'meta',
  'end',
  'error',
  'seek',
  'auth',
  'pause',
  'hello',
  'cover',
];

/** A library as announced. */
export interface LibraryAnnouncement {
  /** Shown in the connection bar; also the DNS-SD instance name (at most 63 bytes). */
  name: string;
  songCount: number;
  extensions: readonly string[];
  /** Whether clients must prove an access code (PROTOCOL §15). */
  accessCode: boolean;
}

/** The TXT record's version; a browser ignores keys it does not know. */
const TXT_VERSION = '1';
/** DNS labels are at most 63 bytes. */
const MAX_NAME_BYTES = 63;

/** Cuts `name` to a DNS-SD instance name: at most 63 UTF-8 bytes, no control characters. */
export function instanceName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  let clean = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim() || 'Tidewave library';
  while (Buffer.byteLength(clean, 'utf8') > MAX_NAME_BYTES)
    clean = [...clean].slice(0, -1).join('');
  return clean;
}

export function encodeLibraryTxt(library: LibraryAnnouncement): Record<string, string> {
  return {
    txtvers: TXT_VERSION,
    name: library.name,
    songs: String(library.songCount),
    ext: library.extensions.join(','),
    code: library.accessCode ? '1' : '0',
  };
}

/** Reads a TXT record as received; the instance name stands in for a missing `name`. */
export function decodeLibraryTxt(
  txt: Readonly<Record<string, unknown>> | undefined,
  fallbackName: string,
): LibraryAnnouncement {
  const text = (key: string): string | null => {
    const value = txt?.[key];
    if (typeof value === 'string') return value;
    return Buffer.isBuffer(value) ? value.toString('utf8') : null;
  };
  const songs = Number(text('songs'));
  const ext = text('ext');
  return {
    name: text('name') || fallbackName,
    songCount: Number.isSafeInteger(songs) && songs >= 0 ? songs : 0,
    extensions: ext ? ext.split(',').filter((word) => word.length > 0) : [],
    accessCode: text('code') === '1',
  };
}

/** Only a library other computers can reach is announced: not one bound to loopback. */
export function isAnnounceableHost(host: string): boolean {
  const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
  return !loopback && !host.startsWith('::ffff:127.');
}
