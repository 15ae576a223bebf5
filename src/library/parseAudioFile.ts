import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseFile, parseStream, type IAudioMetadata, type IOptions } from 'music-metadata';
import type { AudioFormat } from './sniffFormat';

export const AUDIO_MIME_TYPES: Record<AudioFormat, string> = {
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  vorbis: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
};

const EXTENSIONS: Record<AudioFormat, readonly string[]> = {
  mp3: ['.mp3'],
  flac: ['.flac'],
  vorbis: ['.ogg', '.oga'],
  opus: ['.opus', '.ogg', '.oga'],
  wav: ['.wav', '.wave'],
};

/**
 * music-metadata picks its parser by the file's extension. When the name says another format
 * than the bytes (a FLAC file named .mp3), the sniffed format's MIME type picks it instead.
 */
export async function parseAudioFile(
  filePath: string,
  format: AudioFormat,
  options: IOptions,
): Promise<IAudioMetadata> {
  const lower = filePath.toLowerCase();
  if (EXTENSIONS[format].some((extension) => lower.endsWith(extension))) {
    return parseFile(filePath, options);
  }
  const { size } = await stat(filePath);
  const stream = createReadStream(filePath);
  try {
    return await parseStream(
      stream,
      { mimeType: AUDIO_MIME_TYPES[format], size, path: filePath },
      options,
    );
  } finally {
    stream.destroy();
  }
}
