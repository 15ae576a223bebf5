import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where each frame of a FLAC file starts, as `flac -a` (libFLAC's own analysis) reports it. */
export async function flacFrameOffsets(path: string): Promise<number[]> {
  const analysis = `${path}.ana`;
  await run('flac', ['-s', '-f', '-a', '-o', analysis, path]);
  try {
    const text = await readFile(analysis, 'utf8');
    return [...text.matchAll(/^frame=\d+\toffset=(\d+)/gm)].map((match) => Number(match[1]));
  } finally {
    await rm(analysis, { force: true });
  }
}
