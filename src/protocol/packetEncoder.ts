import { DELIMITERS, FIELD_DELIMITER, PACKET_END } from './wireConstants';

export class DelimiterInFieldError extends Error {
  constructor(fieldIndex: number) {
    super(`Field ${fieldIndex} contains a protocol delimiter and cannot be sent as it is`);
    this.name = 'DelimiterInFieldError';
  }
}

/** True when `bytes` holds `<NEXT;>` or `<END;>` whole. */
export function containsDelimiter(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return DELIMITERS.some((delimiter) => view.includes(delimiter));
}

/**
 * Encodes fields as the seed does: each field followed by `<NEXT;>`, then `<END;>`.
 * A field holding a whole delimiter would be split by the receiver, so it is refused here;
 * song data goes through `dataChunker`, which never produces such a field.
 */
export function encodePacket(fields: ReadonlyArray<string | Uint8Array>): Buffer {
  const parts: Buffer[] = [];
  fields.forEach((field, index) => {
    const bytes =
      typeof field === 'string'
        ? Buffer.from(field, 'utf8')
        : Buffer.from(field.buffer, field.byteOffset, field.byteLength);
    if (containsDelimiter(bytes)) throw new DelimiterInFieldError(index);
    parts.push(bytes, FIELD_DELIMITER);
  });
  parts.push(PACKET_END);
  return Buffer.concat(parts);
}
