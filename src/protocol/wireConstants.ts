/** Byte-level constants of the wire format (docs/PROTOCOL.md, "Framing"). */

/** Follows every field of a packet. */
export const FIELD_DELIMITER = Buffer.from('<NEXT;>', 'latin1');
/** Ends a packet. */
export const PACKET_END = Buffer.from('<END;>', 'latin1');
/** The seed's cap on song bytes per play packet; with framing a packet stays within 4096 bytes. */
export const MAX_DATA_BYTES = 4072;
/** `play` + delimiter + 4072 data bytes + delimiter + end. */
export const MAX_PLAY_PACKET_BYTES = 4 + 7 + MAX_DATA_BYTES + 7 + 6;
/** Commands are tiny; a server drops a peer that sends more than this without an end marker. */
export const SERVER_MAX_PACKET_BYTES = 64 * 1024;
/** A list reply with metadata for a large library can be big; a client still bounds it. */
export const CLIENT_MAX_PACKET_BYTES = 16 * 1024 * 1024;

export const DELIMITERS: readonly Buffer[] = [FIELD_DELIMITER, PACKET_END];
