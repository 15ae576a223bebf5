import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
const CACHE_DIR = join(PROJECT_ROOT, 'node_modules/.cache/tidewave-e2e');

async function sourceHash(folders: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of folders) {
    const entries = await readdir(join(PROJECT_ROOT, folder), {
      withFileTypes: true,
      recursive: true,
    });
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files)
      hash.update(relative(PROJECT_ROOT, file)).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Runs `build(outDir)` once per content of `sourceFolders` and keeps the result under
 * node_modules/.cache, so the e2e files (parallel workers) share it. Each build goes to a
 * staging folder renamed into place, so a racing build is harmless; older builds are removed.
 */
export async function cachedBuild(
  name: string,
  sourceFolders: readonly string[],
  marker: string,
  build: (outDir: string) => Promise<void>,
): Promise<string> {
  const outDir = join(CACHE_DIR, `${name}-${await sourceHash(sourceFolders)}`);
  if (existsSync(join(outDir, marker))) return outDir;
  await mkdir(CACHE_DIR, { recursive: true });
  const staging = await mkdtemp(join(CACHE_DIR, 'staging-'));
  try {
    await build(staging);
    await rename(staging, outDir).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(join(outDir, marker))) throw error; // else another worker won the race
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  for (const entry of await readdir(CACHE_DIR)) {
    const path = join(CACHE_DIR, entry);
    if (entry.startsWith(`${name}-`) && path !== outDir)
      await rm(path, { recursive: true, force: true });
  }
  return outDir;
}
