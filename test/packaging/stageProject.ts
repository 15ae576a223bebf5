import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Build products and VCS data that a fresh checkout does not have. */
const LEFT_OUT = new Set(['.git', 'out', 'dist', 'coverage', 'test-results']);

/**
 * Mirrors the checkout into `stageDir` so a build there cannot race other tests building in the
 * checkout's own out/. Files are hard links (node_modules included: about a second), falling back
 * to copies when the two folders are on different file systems. Everything else — src, tests,
 * docs — comes along, so the packaging rules are tested against a complete project.
 */
export async function stageProject(repoDir: string, stageDir: string): Promise<void> {
  const entries = (await readdir(repoDir)).filter((name) => !LEFT_OUT.has(name));
  const sources = entries.map((name) => join(repoDir, name));
  try {
    await run('cp', ['-al', ...sources, stageDir]);
  } catch {
    await run('cp', ['-a', ...sources, stageDir]);
  }
}
