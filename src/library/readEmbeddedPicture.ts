import type { Readable } from 'node:stream';
import { parseStream } from 'music-metadata';
import { pickPicture } from './coverRef';
import { AUDIO_MIME_TYPES } from './parseAudioFile';
import type { AudioFormat } from './sniffFormat';

/**
 * The picture the scan chose (pickPicture) from a song's bytes, or null when it has none now.
 * Read from a stream so the caller decides how the file is opened (the server's safe opener).
 */
export async function readEmbeddedPicture(
  stream: Readable,
  format: AudioFormat,
  sizeBytes: number,
): Promise<Uint8Array | null> {
  const metadata = await parseStream(
    stream,
    { mimeType: AUDIO_MIME_TYPES[format], size: sizeBytes },
    { duration: false, skipPostHeaders: true },
  );
  return pickPicture(metadata.common.picture)?.data ?? null;
}
