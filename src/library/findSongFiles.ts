import { findMp3Files, type FoundMp3File } from './findMp3Files';
import { mapWithConcurrency } from './mapWithConcurrency';
import { sniffFile } from './sniffFile';
import { isUnsupportedFormat, type AudioFormat } from './sniffFormat';

export interface FoundSongFile extends FoundMp3File {
  /** From the file's bytes, whatever its name says. */
  format: AudioFormat;
}

export interface FoundSongFiles {
  files: FoundSongFile[];
  warnings: string[];
}

/**
 * Names worth opening. MP4/AAC names are here too, only so that the log says why such a file
 * is left out instead of leaving it out in silence.
 */
const CANDIDATE_EXTENSIONS = [
  '.mp3',
  '.flac',
  '.ogg',
  '.oga',
  '.opus',
  '.wav',
  '.wave',
  '.m4a',
  '.aac',
];

const SNIFF_CONCURRENCY = 4;

export function isSongFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return CANDIDATE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * Lists the songs under `folder` in relative-path order, each with the format its first bytes
 * show. A file that is none of the playable formats is skipped with a warning, never an error,
 * except one named `.mp3`, which is listed as MP3 whatever its first bytes (as it always was).
 */
export async function findSongFiles(folder: string): Promise<FoundSongFiles> {
  const found = await findMp3Files(folder, isSongFileName);
  const sniffed = await sniffSongFiles(found.files);
  return { files: sniffed.files, warnings: [...found.warnings, ...sniffed.warnings] };
}

/** Sniffs candidate files (see findSongFiles), keeping their order. */
export async function sniffSongFiles(candidates: readonly FoundMp3File[]): Promise<FoundSongFiles> {
  const sniffed = await mapWithConcurrency(candidates, SNIFF_CONCURRENCY, async (file) => {
    try {
      return { file, result: await sniffFile(file.absolutePath) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return { file, result: { kind: 'unknown' as const, reason: `unreadable (${code})` } };
    }
  });
  const files: FoundSongFile[] = [];
  const warnings: string[] = [];
  for (const { file, result } of sniffed) {
    if (result.kind === 'format') files.push({ ...file, format: result.format });
    else if (isMp3Name(file.relativePath) && !isUnsupportedFormat(result)) {
      // Listed as before: mpg123 finds frames past junk that the sniffer does not look through,
      // and a file that really holds no audio gets its warning from the metadata reader.
      files.push({ ...file, format: 'mp3' });
    } else {
      const reason = result.kind === 'unknown' ? result.reason : 'too short to hold audio';
      warnings.push(`Skipped ${file.relativePath}: ${reason}`);
    }
  }
  return { files, warnings };
}

function isMp3Name(name: string): boolean {
  return name.toLowerCase().endsWith('.mp3');
}
