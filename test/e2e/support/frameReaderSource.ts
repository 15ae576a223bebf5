/**
 * The page's reader of the bridge's event frames (see bridgeFrames.ts), as plain JavaScript text
 * so that the page script can embed it and a Node test can run the very same code:
 * `createFrameReader(dispatch)` returns a function to feed with the stream's bytes as they come;
 * it calls `dispatch(kind, payload)` for each whole frame, in order. Audio samples are copied
 * once out of the stream's bytes (so each chunk owns an aligned buffer, as after IPC).
 */
export const FRAME_READER_SOURCE = `(dispatch) => {
  const text = new TextDecoder();
  let buffer = new Uint8Array(0);
  return (bytes) => {
    if (buffer.length === 0) buffer = bytes;
    else {
      const joined = new Uint8Array(buffer.length + bytes.length);
      joined.set(buffer);
      joined.set(bytes, buffer.length);
      buffer = joined;
    }
    let offset = 0;
    while (buffer.length - offset >= 8) {
      const view = new DataView(buffer.buffer, buffer.byteOffset + offset, 8);
      const headerEnd = offset + 8 + view.getUint32(0, true);
      const end = headerEnd + view.getUint32(4, true);
      if (buffer.length < end) break;
      const { kind, payload } = JSON.parse(text.decode(buffer.subarray(offset + 8, headerEnd)));
      offset = end;
      if (kind !== 'audio') {
        dispatch(kind, payload);
        continue;
      }
      const samples = buffer.slice(headerEnd, end).buffer;
      const { streamId, sampleRate, frames } = payload;
      const channels = Array.from(
        { length: payload.channels },
        (_, index) => new Float32Array(samples, index * frames * 4, frames),
      );
      dispatch(kind, { streamId, sampleRate, channels });
    }
    buffer = buffer.subarray(offset);
  };
}`;
