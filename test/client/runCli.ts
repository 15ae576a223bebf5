import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Starts `src/cli/<name>.ts` under tsx, without npx's start-up cost. */
export function spawnCli(name: 'client' | 'server', args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Collects a child's output until it exits; kills it if it runs past `timeoutMs`. */
export function finished(child: ChildProcess, timeoutMs = 30_000): Promise<CliResult> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString(),
      });
    }),
  );
}

/** Runs the client with `args`, feeding it `input` (then end of input), and waits for it. */
export function runClient(args: string[], input = ''): Promise<CliResult> {
  const child = spawnCli('client', args);
  const result = finished(child);
  child.stdin?.end(input);
  return result;
}

/** Resolves when `child` prints a line matching `pattern` on stdout; the match's groups. */
export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        child.stdout?.off('data', onData);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => reject(new Error(`exited before printing ${pattern}: ${seen}`)));
  });
}
