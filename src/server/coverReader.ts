import path from 'node:path';
import {
  coverHash,
  MAX_COVER_BYTES,
  readEmbeddedPicture,
  sniffImageType,
  type CoverMime,
  type SongEntry,
} from '../library';
import { openSongFile } from './openSongFile';

/** A cover read for sending: its bytes, their type and their SHA-256 (hex). */
export interface CoverImage {
  bytes: Buffer;
  mime: CoverMime;
  hash: string;
}

/** Why a song's cover cannot be sent; the message goes to the client as is. */
export class CoverUnavailableError extends Error {}

/** Covers read at once, server-wide: parsing a song for its picture costs CPU and memory. */
const CONCURRENT_READS = 2;
let reading = 0;
const waiting: (() => void)[] = [];

/**
 * Reads the cover the scan found for `song`, now. Files are opened with the song opener's checks
 * (regular file, the scanned real path, no symbolic link on the way), so an image replaced by a
 * link to outside the folder is refused like a song would be. At most MAX_COVER_BYTES are kept.
 */
export async function readCover(song: SongEntry): Promise<CoverImage> {
  const ref = song.cover;
  if (!ref) throw new CoverUnavailableError(`no cover for song ${song.id}`);
  if (reading >= CONCURRENT_READS) await new Promise<void>((resolve) => waiting.push(resolve));
  reading++;
  try {
    const bytes =
      ref.source === 'embedded'
        ? await readEmbedded(song)
        : await readSidecar(
            path.join(path.dirname(song.realPath), path.basename(ref.relativePath)),
          );
    const mime = bytes && bytes.length <= MAX_COVER_BYTES ? sniffImageType(bytes) : null;
    if (!bytes || !mime) throw new CoverUnavailableError(`no cover for song ${song.id}`);
    return { bytes, mime, hash: coverHash(bytes) };
  } catch (error) {
    if (error instanceof CoverUnavailableError) throw error;
    throw new CoverUnavailableError(`could not read the cover of song ${song.id}`);
  } finally {
    reading--;
    waiting.shift()?.();
  }
}

async function readEmbedded(song: SongEntry): Promise<Buffer | null> {
  const file = await openSongFile(song.realPath);
  const stream = file.handle.createReadStream({ autoClose: false });
  try {
    const picture = await readEmbeddedPicture(stream, song.format, file.sizeBytes);
    return picture ? Buffer.from(picture) : null;
  } finally {
    stream.destroy();
    await file.handle.close();
  }
}

async function readSidecar(realPath: string): Promise<Buffer | null> {
  const file = await openSongFile(realPath);
  try {
    if (file.sizeBytes > MAX_COVER_BYTES) return null;
    // One byte more than the stat said, to notice a file that grew since.
    const buffer = Buffer.alloc(file.sizeBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await file.handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled > file.sizeBytes ? null : buffer.subarray(0, filled);
  } finally {
    await file.handle.close();
  }
}
