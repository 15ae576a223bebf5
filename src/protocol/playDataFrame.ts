import { FIELD_DELIMITER, PACKET_END } from './wireConstants';

const PLAY_HEAD = Buffer.from('play<NEXT;>', 'latin1');
/** The framing bytes around one chunk: `play<NEXT;>` before, `<NEXT;><END;>` after. */
const FRAME_OVERHEAD = PLAY_HEAD.length + FIELD_DELIMITER.length + PACKET_END.length;

/**
 * Frames several chunks as consecutive `play<NEXT;>DATA<NEXT;><END;>` packets in one buffer,
 * byte for byte what `serverMessages.playData` gives for each. Unlike it, this does not look
 * for delimiters in the data: use it only for `DataChunker` output, which never holds one whole.
 */
export function framePlayData(chunks: readonly Uint8Array[]): Buffer {
  let total = 0;
  for (const chunk of chunks) total += chunk.byteLength + FRAME_OVERHEAD;
  const frame = Buffer.allocUnsafe(total);
  let at = 0;
  for (const chunk of chunks) {
    at += PLAY_HEAD.copy(frame, at);
    frame.set(chunk, at);
    at += chunk.byteLength;
    at += FIELD_DELIMITER.copy(frame, at);
    at += PACKET_END.copy(frame, at);
  }
  return frame;
}
