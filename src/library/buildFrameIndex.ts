import { open, type FileHandle } from 'node:fs/promises';
import { ID3V2_HEADER_LENGTH, id3v2TagLength } from './id3v2TagLength';
import { MpegFrameWalker } from './mpegFrameWalker';
import { songTimeline, type SongTimeline } from './songTimeline';

/** Every audio frame of a file: where it starts, what it borrows from the bit reservoir, and
 * how the frames map onto the song's samples. */
export interface FrameIndex {
  /** Byte offset of each audio frame (a Xing/Info frame is not audio and is not listed). */
  offsets: number[];
  /** Per frame: bytes its main data starts before its own payload (Layer III). */
  mainDataBegin: number[];
  /** Per frame: bytes after header and side info, which later frames may borrow. */
  payloadBytes: number[];
  timeline: SongTimeline;
}

// Far larger than any MPEG frame (under 3 KiB), so a chunk always holds a frame and the next header.
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads an MP3 file chunk by chunk and lists its audio frames. Given an opened file, reads that
 * one (and leaves it open): the server plans a seek in the very file it checked and streams.
 */
export async function buildFrameIndex(filePath: string, opened?: FileHandle): Promise<FrameIndex> {
  const walker = await walkMp3File(filePath, false, opened);
  return {
    offsets: walker.offsets,
    mainDataBegin: walker.mainDataBegin,
    payloadBytes: walker.payloadBytes,
    timeline: timelineOf(walker, walker.offsets.length, filePath),
  };
}

/**
 * The song's exact timeline, as the player decodes it. A Xing/Info frame with a frame count
 * is trusted, so only the file's start is read; otherwise every frame is counted.
 */
export async function readSongTimeline(filePath: string): Promise<SongTimeline> {
  const walker = await walkMp3File(filePath, true);
  const trustTag = walker.tag?.frameCount != null && walker.tag.frameCount > 0;
  return timelineOf(walker, trustTag ? null : walker.offsets.length, filePath);
}

function timelineOf(walker: MpegFrameWalker, frames: number | null, path: string): SongTimeline {
  const stream = walker.stream;
  if (stream === null || (frames === 0 && !walker.tag?.frameCount)) {
    throw new Error(`No MP3 audio frames found in ${path}`);
  }
  return songTimeline(stream.sampleRate, stream.samplesPerFrame, frames, walker.tag);
}

/** Walks the file's frames; with `stopAtTag`, stops after the first chunk if it holds a tag. */
async function walkMp3File(
  filePath: string,
  stopAtTag: boolean,
  opened?: FileHandle,
): Promise<MpegFrameWalker> {
  const file = opened ?? (await open(filePath, 'r'));
  try {
    const { size } = await file.stat();
    const walker = new MpegFrameWalker(size);
    const chunk = new Uint8Array(CHUNK_BYTES);
    let offset = await skipId3v2Tags(file);
    while (offset + 4 <= size) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, offset);
      if (bytesRead === 0) break; // The file shrank while we read it.
      offset += walker.consume(chunk.subarray(0, bytesRead), offset);
      if (stopAtTag && walker.stream !== null) {
        if (walker.tag?.frameCount) break;
        stopAtTag = false; // no frame count: every frame must be counted
      }
    }
    return walker;
  } finally {
    if (!opened) await file.close();
  }
}

/** Returns the offset just past the ID3v2 tags at the start of the file (some files have several). */
async function skipId3v2Tags(file: FileHandle): Promise<number> {
  const header = new Uint8Array(ID3V2_HEADER_LENGTH);
  let offset = 0;
  for (;;) {
    const { bytesRead } = await file.read(header, 0, header.length, offset);
    const length = id3v2TagLength(header.subarray(0, bytesRead));
    if (length === 0) return offset;
    offset += length;
  }
}
