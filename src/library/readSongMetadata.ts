import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { IAudioMetadata } from 'music-metadata';
import { readSongTimeline } from './buildFrameIndex';
import type { FoundSongFile } from './findSongFiles';
import { timelineSeconds } from './songTimeline';
import type { SongEntry } from './libraryTypes';
import { embeddedCoverRef } from './coverRef';
import { parseAudioFile } from './parseAudioFile';
import { MAX_COVER_BYTES } from './sidecarCovers';
import { readSongExtras } from './songExtras';

export type SongDetails = Omit<SongEntry, 'id'>;

export interface SongDetailsResult {
  song: SongDetails;
  /** Why some details are missing, or null when the file read cleanly. */
  warning: string | null;
}

/** Reads size and tags of one file; never throws, so one bad file cannot sink a scan. */
export async function readSongMetadata(file: FoundSongFile): Promise<SongDetailsResult> {
  const fallback: SongDetails = {
    ...file,
    sizeBytes: 0,
    title: titleFromFileName(file.relativePath),
    artist: null,
    album: null,
    durationSeconds: null,
    hasCover: false,
    cover: null,
    bitrate: null,
  };
  let metadata: IAudioMetadata;
  try {
    fallback.sizeBytes = (await stat(file.absolutePath)).size;
    // Covers are not skipped: that option drops the picture entirely, and we must know if one
    // exists. The cost is small, since the picture is only sliced from bytes read anyway. An
    // MP3's duration is ours (below): music-metadata's estimate is off without a frame count.
    metadata = await parseAudioFile(file.absolutePath, file.format, {
      duration: file.format !== 'mp3',
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { song: fallback, warning: `${file.relativePath}: could not read metadata (${reason})` };
  }
  const { common, format } = metadata;
  // Only where it is (and its hash) is kept: the picture's bytes are dropped with `metadata`.
  const embedded = embeddedCoverRef(common.picture);
  const cover = embedded && embedded.sizeBytes <= MAX_COVER_BYTES ? embedded : null;
  const song: SongDetails = {
    ...fallback,
    title: nonEmpty(common.title) ?? fallback.title,
    artist: nonEmpty(common.artist),
    album: nonEmpty(common.album),
    hasCover: cover !== null,
    cover,
    extras: readSongExtras(metadata),
  };
  // Durations: FLAC's and WAV's come from sample counts in the header, Ogg's from the last page's
  // granule position (less Opus's pre-skip), MP3's from our own frame walk (exactDuration).
  // music-metadata is lenient: on garbage it "finds" frames and reports parse errors instead of
  // failing, so durations from such files are not trusted.
  const parseError = metadata.quality.warnings.find((w) => w.message.startsWith('Parse error'));
  const duration = parseError
    ? null
    : file.format === 'mp3'
      ? await exactDuration(file.absolutePath)
      : positiveSeconds(format.duration);
  if (duration === null) {
    const reason = parseError?.message ?? 'no audio frames found';
    return { song, warning: `${file.relativePath}: could not read the audio (${reason})` };
  }
  song.durationSeconds = duration;
  song.bitrate =
    format.bitrate && Number.isFinite(format.bitrate) ? Math.round(format.bitrate) : null;
  return { song, warning: null };
}

/**
 * What a full play lasts: the decoded sample count over the rate (the LAME tag's delay and
 * padding removed, or every frame counted when there is no frame count), or null without audio.
 */
async function exactDuration(absolutePath: string): Promise<number | null> {
  try {
    const seconds = timelineSeconds(await readSongTimeline(absolutePath));
    return seconds > 0 ? seconds : null;
  } catch {
    return null;
  }
}

function positiveSeconds(seconds: number | undefined): number | null {
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

function titleFromFileName(relativePath: string): string {
  const name = path.posix.basename(relativePath);
  return name.slice(0, name.length - path.posix.extname(name).length);
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
