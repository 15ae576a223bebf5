import { FIELD_DELIMITER, PACKET_END } from './wireConstants';

const PLAY_HEAD = Buffer.from('play<NEXT;>', 'latin1');
/** The framing bytes around one chunk: `play<NEXT;>` before, `<NEXT;><END;>` after. */
const FRAME_OVERHEAD = PLAY_HEAD.length + FIELD_DELIMITER.length + PACKET_END.length;

/** Bytes `framePlayData(chunks)` gives. */
export function framedLength(chunks: readonly Uint8Array[]): number {
  let total = 0;
  for (const chunk of chunks) total += chunk.byteLength + FRAME_OVERHEAD;
  return total;
}

/**
 * Frames several chunks as consecutive `play<NEXT;>DATA<NEXT;><END;>` packets in one buffer,
 * byte for byte what `serverMessages.playData` gives for each. Unlike it, this does not look
 * for delimiters in the data: use it only for `DataChunker` output, which never holds one whole.
 */
export function framePlayData(chunks: readonly Uint8Array[]): Buffer {
  const frame = Buffer.allocUnsafe(framedLength(chunks));
  framePlayDataInto(chunks, frame);
  return frame;
}

/**
 * The same into `target` (at least `framedLength(chunks)` long, from its start), for a caller
 * that reuses its buffers; returns the bytes written.
 */
export function framePlayDataInto(chunks: readonly Uint8Array[], target: Buffer): number {
  let at = 0;
  for (const chunk of chunks) {
    at += PLAY_HEAD.copy(target, at);
    target.set(chunk, at);
    at += chunk.byteLength;
    at += FIELD_DELIMITER.copy(target, at);
    at += PACKET_END.copy(target, at);
  }
  return at;
}
