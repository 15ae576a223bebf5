import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseFile, type IAudioMetadata } from 'music-metadata';
import { readSongTimeline } from './buildFrameIndex';
import type { FoundMp3File } from './findMp3Files';
import { timelineSeconds } from './songTimeline';
import type { SongEntry } from './libraryTypes';

export type SongDetails = Omit<SongEntry, 'id'>;

export interface SongDetailsResult {
  song: SongDetails;
  /** Why some details are missing, or null when the file read cleanly. */
  warning: string | null;
}

/** Reads size and tags of one file; never throws, so one bad file cannot sink a scan. */
export async function readSongMetadata(file: FoundMp3File): Promise<SongDetailsResult> {
  const fallback: SongDetails = {
    ...file,
    sizeBytes: 0,
    title: titleFromFileName(file.relativePath),
    artist: null,
    album: null,
    durationSeconds: null,
    hasCover: false,
    bitrate: null,
  };
  let metadata: IAudioMetadata;
  try {
    fallback.sizeBytes = (await stat(file.absolutePath)).size;
    // Covers are not skipped: that option drops the picture entirely, and we must know if one
    // exists. The cost is small, since the picture is only sliced from bytes read anyway. The
    // duration is ours (below): music-metadata's estimate is off for files without a frame count.
    metadata = await parseFile(file.absolutePath, { duration: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { song: fallback, warning: `${file.relativePath}: could not read metadata (${reason})` };
  }
  const { common, format } = metadata;
  const song: SongDetails = {
    ...fallback,
    title: nonEmpty(common.title) ?? fallback.title,
    artist: nonEmpty(common.artist),
    album: nonEmpty(common.album),
    hasCover: (common.picture?.length ?? 0) > 0,
  };
  // music-metadata is lenient: on garbage it "finds" frames and reports parse errors instead of
  // failing, so durations from such files are not trusted.
  const parseError = metadata.quality.warnings.find((w) => w.message.startsWith('Parse error'));
  const duration = parseError ? null : await exactDuration(file.absolutePath);
  if (duration === null) {
    const reason = parseError?.message ?? 'no audio frames found';
    return { song, warning: `${file.relativePath}: could not read MP3 audio (${reason})` };
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

function titleFromFileName(relativePath: string): string {
  const name = path.posix.basename(relativePath);
  return name.slice(0, name.length - path.posix.extname(name).length);
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
