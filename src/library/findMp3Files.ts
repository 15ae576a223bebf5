import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { toLibraryError } from './libraryError';
import { SliceClock } from './sliceClock';

export interface FoundMp3File {
  /** Path inside the folder with '/' separators, so ids are the same on every platform. */
  relativePath: string;
  absolutePath: string;
  /** The file's real path when scanned (inside the folder, no symlink on the way). */
  realPath: string;
}

/** A found file with what the walk's stat saw (-1 for both when the stat failed). */
export interface WalkedFile extends FoundMp3File {
  /** The folder's absolute path (one string shared by its files). */
  dir: string;
  sizeBytes: number;
  mtimeMs: number;
}

export interface FoundMp3Files {
  files: WalkedFile[];
  warnings: string[];
}

export interface WalkOptions {
  /** Other names worth knowing per folder (lower-cased), e.g. sidecar covers: see `kept`. */
  keepName?: (lowerName: string) => boolean;
}

export interface WalkedFolder extends FoundMp3Files {
  /** Folder's absolute path → the names in it that `keepName` accepted (only folders with any). */
  kept: Map<string, string[]>;
}

interface Walk {
  rootReal: string;
  isCandidate: (name: string) => boolean;
  keepName: ((lowerName: string) => boolean) | undefined;
  /** Real paths of folders already walked: each is walked once, so symlink loops end. */
  visited: Set<string>;
  found: WalkedFile[];
  warnings: string[];
  kept: Map<string, string[]>;
  clock: SliceClock;
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
  const { files, warnings } = await walkSongFolder(folder, isCandidate);
  return { files, warnings };
}

/**
 * findMp3Files with each file's size and mtime, and the names `keepName` wants per folder, in one
 * pass: the dirent says file or folder, so only candidate files (and symlinks) are stat'ed, and
 * no folder is read twice. Synchronous calls in bounded slices (SliceClock): the event loop
 * runs between slices.
 */
export async function walkSongFolder(
  folder: string,
  isCandidate: (name: string) => boolean,
  options: WalkOptions = {},
): Promise<WalkedFolder> {
  let rootReal: string;
  try {
    rootReal = realpathSync.native(folder);
  } catch (error) {
    throw toLibraryError(error, folder);
  }
  const walk: Walk = {
    rootReal,
    isCandidate,
    keepName: options.keepName,
    visited: new Set([rootReal]),
    found: [],
    warnings: [],
    kept: new Map(),
    clock: new SliceClock(),
  };
  await walkFolder(walk, folder, rootReal, '');
  walk.found.sort((a, b) => compareCodeUnits(a.relativePath, b.relativePath));
  return { files: walk.found, warnings: walk.warnings, kept: walk.kept };
}

/** Plain code-unit order, not locale order, so the same names sort the same everywhere. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walkFolder(walk: Walk, dir: string, dirReal: string, dirRelative: string) {
  if (walk.clock.due()) await walk.clock.pause();
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (dirRelative === '') throw toLibraryError(error, dir);
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    walk.warnings.push(`Skipped unreadable folder ${dirRelative} (${code})`);
    return;
  }
  // Sorted walking makes it deterministic which path wins when two lead to one real folder.
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  const prefix = dirRelative === '' ? '' : `${dirRelative}/`;
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.')) continue;
    if (walk.keepName?.(name.toLowerCase()) === true) keep(walk, dir, name);
    const isFolder = entry.isDirectory();
    // Only folders, links and candidate files cost a syscall; other files cost nothing.
    if (!isFolder && !entry.isSymbolicLink() && !(entry.isFile() && walk.isCandidate(name))) {
      continue;
    }
    if (walk.clock.due()) await walk.clock.pause();
    const absolutePath = path.join(dir, name);
    // Without a symlink on the way the real path is the path: one string, not two.
    const real = dirReal === dir ? absolutePath : path.join(dirReal, name);
    const kind = kindOf(walk, entry, absolutePath, real);
    if (kind === null) continue;
    if (kind.type === 'folder') {
      if (walk.visited.has(kind.real)) continue;
      walk.visited.add(kind.real);
      await walkFolder(walk, absolutePath, kind.real, prefix + name);
    } else if (walk.isCandidate(name)) {
      const relativePath = prefix + name;
      const { sizeBytes, mtimeMs } = kind;
      walk.found.push({ relativePath, absolutePath, realPath: kind.real, dir, sizeBytes, mtimeMs });
    }
  }
}

function keep(walk: Walk, dir: string, name: string): void {
  const names = walk.kept.get(dir);
  if (names) names.push(name);
  else walk.kept.set(dir, [name]);
}

type EntryKind =
  | { type: 'folder'; real: string }
  | { type: 'file'; real: string; sizeBytes: number; mtimeMs: number };

function kindOf(
  walk: Walk,
  entry: Dirent,
  absolutePath: string,
  realIfNotLink: string,
): EntryKind | null {
  if (entry.isDirectory()) return { type: 'folder', real: realIfNotLink };
  if (entry.isFile()) return fileKind(absolutePath, realIfNotLink);
  try {
    const real = realpathSync.native(absolutePath);
    if (!isInside(real, walk.rootReal)) return null;
    const target = statSync(real);
    if (target.isDirectory()) return { type: 'folder', real };
    if (!target.isFile()) return null;
    return { type: 'file', real, sizeBytes: target.size, mtimeMs: target.mtimeMs };
  } catch {
    return null; // A dangling link is not a song.
  }
}

/** A file's size and mtime; -1 when it cannot be stat'ed (it is then read, and warned about). */
function fileKind(absolutePath: string, real: string): EntryKind {
  try {
    const stats = statSync(absolutePath, { throwIfNoEntry: false });
    if (stats) return { type: 'file', real, sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    // Unreadable: size and mtime unknown.
  }
  return { type: 'file', real, sizeBytes: -1, mtimeMs: -1 };
}

function isInside(real: string, root: string): boolean {
  const relative = path.relative(root, real);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
