/**
 * Recognises a song's format from its first bytes (magic numbers), not from its name: a `.mp3`
 * that is really FLAC is FLAC. Pure, so the scanner (on a file's head) and the player's decoder
 * (on the first bytes of a stream) decide the same way.
 */

export type AudioFormat = 'mp3' | 'flac' | 'vorbis' | 'opus' | 'wav';

export const AUDIO_FORMATS: readonly AudioFormat[] = ['mp3', 'flac', 'vorbis', 'opus', 'wav'];

export type SniffResult =
  /** `audioOffset`: where the audio starts, after any ID3v2 tags. */
  | { kind: 'format'; format: AudioFormat; audioOffset: number }
  /** The first `bytesNeeded` bytes decide; fewer were given. */
  | { kind: 'more'; bytesNeeded: number }
  | { kind: 'unknown'; reason: string };

export const MP4_REASON = 'MP4/AAC is not supported';
const NOT_AUDIO_REASON = 'not MP3, FLAC, Ogg Vorbis, Opus or WAV';
const TOO_SHORT_REASON = 'too short to hold audio';

/**
 * True when the bytes are a container we know but cannot play (MP4, an Ogg codec, a WAV
 * encoding), rather than bytes we know nothing of.
 */
export function isUnsupportedFormat(result: SniffResult): boolean {
  return (
    result.kind === 'unknown' &&
    result.reason !== NOT_AUDIO_REASON &&
    result.reason !== TOO_SHORT_REASON
  );
}

/** Bytes past the tags that every check below fits in. */
const PROBE_BYTES = 64;
/** An ID3v2 tag declares at most 256 MiB (four 7-bit size bytes); anything longer is not audio. */
const MAX_ID3_BYTES = 256 * 1024 * 1024 + 20;

/**
 * @param head the first bytes of the file (any length)
 * @param complete true when `head` is the whole file, so "more" cannot be had
 */
export function sniffFormat(head: Uint8Array, complete: boolean): SniffResult {
  const more = (bytesNeeded: number): SniffResult =>
    complete || bytesNeeded > MAX_ID3_BYTES + PROBE_BYTES
      ? { kind: 'unknown', reason: TOO_SHORT_REASON }
      : { kind: 'more', bytesNeeded };

  let offset = 0;
  // Tags first: ID3v2 sits in front of MP3 audio, and some taggers put it in front of FLAC too.
  for (;;) {
    if (head.length < offset + 10) return more(offset + 10);
    const tagLength = id3v2Length(head, offset);
    if (tagLength === 0) break;
    offset += tagLength;
  }
  if (head.length < offset + PROBE_BYTES && !complete) return more(offset + PROBE_BYTES);

  const at = (text: string, position: number) => hasAscii(head, offset + position, text);
  if (at('fLaC', 0)) return found('flac', offset);
  if (at('RIFF', 0) && at('WAVE', 8)) return sniffWav(head, offset);
  if (at('OggS', 0)) return sniffOgg(head, offset, more);
  if (isMpegAudioHeader(head, offset)) return found('mp3', offset);
  if (at('ftyp', 4)) return { kind: 'unknown', reason: MP4_REASON };
  return { kind: 'unknown', reason: NOT_AUDIO_REASON };
}

function found(format: AudioFormat, audioOffset: number): SniffResult {
  return { kind: 'format', format, audioOffset };
}

/**
 * WAV holds many encodings; only PCM (1) and IEEE float (3), also inside
 * WAVE_FORMAT_EXTENSIBLE, are played. When the `fmt ` chunk comes first, as it nearly always
 * does, its tag decides here; otherwise the decoder finds out.
 */
function sniffWav(head: Uint8Array, offset: number): SniffResult {
  if (!hasAscii(head, offset + 12, 'fmt ') || head.length < offset + 46)
    return found('wav', offset);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let tag = view.getUint16(offset + 20, true);
  if (tag === 0xfffe) tag = view.getUint16(offset + 44, true);
  if (tag === 1 || tag === 3) return found('wav', offset);
  return { kind: 'unknown', reason: `a WAV encoding other than PCM or float (${tag})` };
}

/** The codec is named by the first packet of the first page. */
function sniffOgg(
  head: Uint8Array,
  offset: number,
  more: (bytesNeeded: number) => SniffResult,
): SniffResult {
  if (head.length < offset + 27) return more(offset + 27);
  const packet = offset + 27 + head[offset + 26];
  if (head.length < packet + 8) return more(packet + 8);
  if (hasAscii(head, packet, 'OpusHead')) return found('opus', offset);
  if (head[packet] === 1 && hasAscii(head, packet + 1, 'vorbis')) return found('vorbis', offset);
  // Ogg FLAC: the FLAC decoder reads both framings.
  if (head[packet] === 0x7f && hasAscii(head, packet + 1, 'FLAC')) return found('flac', offset);
  return { kind: 'unknown', reason: 'an Ogg stream of an unsupported codec' };
}

/** A plausible MPEG audio frame header: sync, and no reserved version, layer, rate or bitrate. */
function isMpegAudioHeader(bytes: Uint8Array, offset: number): boolean {
  if (bytes.length < offset + 4) return false;
  const [b0, b1, b2] = [bytes[offset], bytes[offset + 1], bytes[offset + 2]];
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrateIndex !== 15 && rateIndex !== 3;
}

function id3v2Length(bytes: Uint8Array, offset: number): number {
  if (!hasAscii(bytes, offset, 'ID3')) return 0;
  const size = bytes.subarray(offset + 6, offset + 10);
  if (size.some((byte) => byte > 0x7f)) return 0; // not a syncsafe size: not a tag
  const length = (size[0] << 21) | (size[1] << 14) | (size[2] << 7) | size[3];
  const hasFooter = (bytes[offset + 5] & 0x10) !== 0;
  return 10 + length + (hasFooter ? 10 : 0);
}

function hasAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}
