import { open, type FileHandle } from 'node:fs/promises';
import { ID3V2_HEADER_LENGTH, id3v2TagLength } from './id3v2TagLength';
import { MpegFrameWalker } from './mpegFrameWalker';

/** Where every MPEG audio frame of a file starts, in bytes and in seconds. */
export interface FrameIndex {
  offsets: number[];
  startSeconds: number[];
}

// Far larger than any MPEG frame (under 3 KiB), so a chunk always holds a frame and the next header.
const CHUNK_BYTES = 64 * 1024;

/** Reads an MP3 file chunk by chunk and lists its audio frames. */
export async function buildFrameIndex(filePath: string): Promise<FrameIndex> {
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    const walker = new MpegFrameWalker(size);
    const chunk = new Uint8Array(CHUNK_BYTES);
    let offset = await skipId3v2Tags(file);
    while (offset + 4 <= size) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, offset);
      if (bytesRead === 0) break; // The file shrank while we read it.
      offset += walker.consume(chunk.subarray(0, bytesRead), offset);
    }
    if (walker.offsets.length === 0) throw new Error(`No MP3 audio frames found in ${filePath}`);
    return { offsets: walker.offsets, startSeconds: walker.startSeconds };
  } finally {
    await file.close();
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
