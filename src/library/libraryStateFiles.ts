import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where a folder's id table and scan cache live in a state folder: one set per music folder. */
export function libraryStatePaths(
  stateDir: string,
  folder: string,
): { state: string; ids: string; cache: string } {
  const key = createHash('sha256').update(folder).digest('hex').slice(0, 16);
  return {
    state: path.join(stateDir, `library-${key}.state.json`),
    // The first format's pair (libraryState.ts migrates it).
    ids: path.join(stateDir, `library-${key}.ids.json`),
    cache: path.join(stateDir, `library-${key}.scan.json`),
  };
}

/**
 * The parsed JSON of a state file, or null when it is missing; a file that is not JSON, or that
 * `parse` refuses, is logged and treated as missing (it is rebuilt, never fatal).
 */
export async function readStateFile<T>(
  file: string,
  parse: (value: unknown) => T | null,
  log: (line: string) => void,
): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT')
      log(`could not read ${file} (${code ?? String(error)}); starting afresh`);
    return null;
  }
  let parsed: T | null = null;
  try {
    parsed = parse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (parsed === null) log(`ignoring the corrupt state file ${file}; starting afresh`);
  return parsed;
}

/** Writes JSON to a temp file then renames it over `file`, so a crash never leaves half a file. */
export async function writeStateFile(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(value));
  await rename(temp, file);
}
