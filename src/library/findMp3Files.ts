import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { toLibraryError } from './libraryError';

export interface FoundMp3File {
  /** Path inside the folder with '/' separators, so ids are the same on every platform. */
  relativePath: string;
  absolutePath: string;
  /** The file's real path when scanned (inside the folder, no symlink on the way). */
  realPath: string;
}

export interface FoundMp3Files {
  files: FoundMp3File[];
  warnings: string[];
}

interface Walk {
  rootReal: string;
  isCandidate: (name: string) => boolean;
  /** Real paths of folders already walked: each is walked once, so symlink loops end. */
  visited: Set<string>;
  found: FoundMp3File[];
  warnings: string[];
}

/**
 * Lists the .mp3 files (or those whose name `isCandidate` accepts) under `folder` (an existing
 * directory, given as an absolute path), sorted by relative path. Hidden entries are skipped. Symlinks are followed only while they
 * stay inside the folder: the server streams these files, so a link must not expose others.
 */
export async function findMp3Files(
  folder: string,
  isCandidate: (name: string) => boolean = (name) => name.toLowerCase().endsWith('.mp3'),
): Promise<FoundMp3Files> {
  const rootReal = await realpath(folder).catch((error: unknown) => {
    throw toLibraryError(error, folder);
  });
  const walk: Walk = {
    rootReal,
    isCandidate,
    visited: new Set([rootReal]),
    found: [],
    warnings: [],
  };
  await walkFolder(walk, folder, rootReal, '');
  walk.found.sort((a, b) => compareCodeUnits(a.relativePath, b.relativePath));
  return { files: walk.found, warnings: walk.warnings };
}

/** Plain code-unit order, not locale order, so the same names sort the same everywhere. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walkFolder(walk: Walk, dir: string, dirReal: string, dirRelative: string) {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (dirRelative === '') throw toLibraryError(error, dir);
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    walk.warnings.push(`Skipped unreadable folder ${dirRelative} (${code})`);
    return;
  }
  // Sorted walking makes it deterministic which path wins when two lead to one real folder.
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const absolutePath = path.join(dir, entry.name);
    const relativePath = dirRelative === '' ? entry.name : `${dirRelative}/${entry.name}`;
    const kind = await kindOf(walk, entry, absolutePath, path.join(dirReal, entry.name));
    if (kind === null) continue;
    if (kind.type === 'folder') {
      if (walk.visited.has(kind.real)) continue;
      walk.visited.add(kind.real);
      await walkFolder(walk, absolutePath, kind.real, relativePath);
    } else if (walk.isCandidate(entry.name)) {
      walk.found.push({ relativePath, absolutePath, realPath: kind.real });
    }
  }
}

type EntryKind = { type: 'folder' | 'file'; real: string };

async function kindOf(
  walk: Walk,
  entry: Dirent,
  absolutePath: string,
  realIfNotLink: string,
): Promise<EntryKind | null> {
  if (entry.isDirectory()) return { type: 'folder', real: realIfNotLink };
  if (entry.isFile()) return { type: 'file', real: realIfNotLink };
  if (!entry.isSymbolicLink()) return null;
  try {
    const real = await realpath(absolutePath);
    if (!isInside(real, walk.rootReal)) return null;
    const target = await stat(real);
    if (target.isDirectory()) return { type: 'folder', real };
    return target.isFile() ? { type: 'file', real } : null;
  } catch {
    return null; // A dangling link is not a song.
  }
}

function isInside(real: string, root: string): boolean {
  const relative = path.relative(root, real);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
