import { sniffFormat } from '../library/sniffFormat';

/**
 * The piece plan of SongDecoder.decodeUntil, which decodes a song's first bytes only until some
 * audio has come out. The pieces are calls on the decoder's own thread, not round trips, so
 * small ones cost little; a piece that holds more audio than is wanted decodes it all anyway.
 */

/** A packet: the most a piece holds unless it is a known tag (below). */
export const PIECE_BYTES = 4096;
/** However few frames are still wanted: a piece smaller than this is mostly call overhead. */
export const MIN_PIECE_BYTES = 1024;

/** What a song's first bytes tell of what follows them, read from what sniffFormat knows. */
export interface SongHead {
  /** Bytes of ID3v2 tags in front: they decode no audio, so they can go in one piece. */
  tagBytes: number;
  /** MPEG frames follow the tags: an MP3's audio starts right there (it has no header). */
  framesAfter: boolean;
}

/**
 * From a song's first bytes (a song's start, or a seek's first bytes, which start at a frame).
 * FLAC's metadata blocks and Ogg's header pages are not read here: those decoders give nothing
 * until a whole frame or page is in, so a piece that ends their headers decodes at most that.
 * Bytes that end inside the tags, or that sniffFormat does not place, give no plan (packets).
 */
export function songHead(first: Uint8Array): SongHead {
  const sniffed = sniffFormat(first, false);
  if (sniffed.kind !== 'format') return { tagBytes: 0, framesAfter: false };
  return { tagBytes: sniffed.audioOffset, framesAfter: sniffed.format === 'mp3' };
}

export interface PieceState {
  /** Bytes of known tags still ahead. */
  tagBytesLeft: number;
  /** The bytes ahead are known to be audio: MP3 past its tags, or any song once audio came. */
  audioAhead: boolean;
  /** Frames still wanted. */
  wantedFrames: number;
  /**
   * The last piece, only if audio had already come out before it. The piece that gave the
   * first audio is no measure: it may hold a header's end, and MP3's first frame is mostly
   * trimmed (1,105 of its 1,152 samples are the encoder's delay), so 1 KiB looks like 47 frames.
   */
  lastAudio: { bytes: number; frames: number } | null;
}

/**
 * The size of the next piece: the known tags whole; a packet at a time through headers not
 * read here, until audio comes (as every format did before); once audio is known to be ahead,
 * the least piece until a piece of audio alone gives a rate, then what that rate says the
 * frames still wanted need. Never more than a packet: a piece's bytes per frame are only
 * roughly the audio's (its frames are the whole ones it completed, and a VBR song's rate
 * changes), and a piece sized by a rate too high for the audio ahead decodes all of it.
 */
export function nextPieceBytes(state: PieceState): number {
  if (state.tagBytesLeft > 0) return state.tagBytesLeft;
  if (!state.audioAhead) return PIECE_BYTES;
  const last = state.lastAudio;
  if (!last || last.frames === 0) return MIN_PIECE_BYTES;
  const estimate = Math.ceil((state.wantedFrames * last.bytes) / last.frames);
  return Math.min(PIECE_BYTES, Math.max(MIN_PIECE_BYTES, estimate));
}
