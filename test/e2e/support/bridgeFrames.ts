/**
 * How the test bridge frames its events for the page (decoded in pageBridgeScript.ts): each
 * frame is two little-endian u32 lengths (header, binary), the header as JSON text
 * `{ kind, payload }`, then the binary part. Audio goes as raw planar Float32 samples, the
 * channels one after another, with `{ streamId, sampleRate, frames, channels }` in the header:
 * no base64 and no JSON for the samples, as Electron's IPC carries them as bytes too.
 */
export const FRAME_PREFIX_BYTES = 8;

export interface AudioEventPayload {
  streamId: number;
  sampleRate: number;
  channels: readonly Float32Array[];
}

function frame(header: unknown, binary: readonly Uint8Array[]): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const binaryBytes = binary.reduce((sum, part) => sum + part.byteLength, 0);
  const prefix = Buffer.alloc(FRAME_PREFIX_BYTES);
  prefix.writeUInt32LE(json.length, 0);
  prefix.writeUInt32LE(binaryBytes, 4);
  return Buffer.concat([prefix, json, ...binary]);
}

/** An event whose payload is plain JSON data. */
export function encodeEvent(kind: string, payload: unknown): Buffer {
  return frame({ kind, payload }, []);
}

/** An audio chunk: its samples as bytes (copied once, into the frame). */
export function encodeAudio({ streamId, sampleRate, channels }: AudioEventPayload): Buffer {
  const frames = channels[0]?.length ?? 0;
  if (channels.some((samples) => samples.length !== frames)) {
    throw new Error('encodeAudio: channels of different lengths');
  }
  const binary = channels.map(
    (samples) => new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength),
  );
  return frame(
    { kind: 'audio', payload: { streamId, sampleRate, frames, channels: channels.length } },
    binary,
  );
}
