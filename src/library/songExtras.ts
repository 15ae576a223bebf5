import type { IAudioMetadata } from 'music-metadata';

/** Stream facts and tags beyond the seed era's; each null when the file does not say. */
export interface SongExtras {
  /** Hz, as the file declares it. */
  sampleRate: number | null;
  channels: number | null;
  trackNumber: number | null;
  discNumber: number | null;
  year: number | null;
  genre: string | null;
  albumArtist: string | null;
}

/** Picks the extras out of music-metadata's reading (Vorbis comments, FLAC, ID3 alike). */
export function readSongExtras({ format, common }: IAudioMetadata): SongExtras {
  return {
    sampleRate: positiveInteger(format.sampleRate),
    channels: positiveInteger(format.numberOfChannels),
    trackNumber: positiveInteger(common.track.no),
    discNumber: positiveInteger(common.disk.no),
    year: positiveInteger(common.year),
    genre: text(common.genre?.[0]),
    albumArtist: text(common.albumartist),
  };
}

function positiveInteger(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function text(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
