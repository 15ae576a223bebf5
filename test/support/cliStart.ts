import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

/**
 * How long a test waits for a command-line program run from source (`node --import tsx`) to say
 * it started: tsx compiles the program's modules first, which takes well over 15 s on a loaded
 * two-core machine (seen: no banner after 15 s at load 18). Waits return as soon as it is out.
 */
export const CLI_START_MS = 60_000;

/** The repository, where `src/cli/server.ts` and the bundled `music/` are. */
export const REPO = path.resolve(import.meta.dirname, '../..');

/** A server CLI started by runServerCli, with what it has printed so far. */
export interface ServerCliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/**
 * Runs the server CLI from source, as `npm run server -- ARGS` does; `wrapper` is a command that
 * runs it, such as `['prlimit', '--nofile=80:80']`.
 */
export function runServerCli(args: string[], wrapper: string[] = []): ServerCliRun {
  const script = ['--import', 'tsx', 'src/cli/server.ts', ...args];
  const [wrapperCommand, ...wrapperArgs] = wrapper;
  const [command, commandArgs] =
    wrapperCommand === undefined
      ? [process.execPath, script]
      : [wrapperCommand, [...wrapperArgs, process.execPath, ...script]];
  const child = spawn(command, commandArgs, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/**
 * Waits until the run's output from character `from` on matches `pattern`: at most `timeoutMs`
 * (CLI_START_MS unless told), and no longer than the program runs.
 */
export async function waitForOutput(
  run: ServerCliRun,
  pattern: RegExp,
  from = 0,
  timeoutMs = CLI_START_MS,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(run.stdout().slice(from));
    if (match) return match;
    if (Date.now() > deadline || run.child.exitCode !== null) {
      throw new Error(`no ${pattern} in output:\n${run.stdout()}\n${run.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
