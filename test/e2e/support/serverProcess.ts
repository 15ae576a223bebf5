import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from './cachedBuild';

export interface ServerProcess {
  /** The port it listens on, once it said so. */
  port: Promise<number>;
  output(): string;
  /** SIGTERM (the CLI says goodbye on the network), then waits for the exit. */
  stop(): Promise<number | null>;
}

/** `tidewave-server ARGS` as its own process (the CLI from source), bounded: 20 s to start. */
export function startServerProcess(args: string[]): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/server.ts', ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const port = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server never started: ${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = / on [\d.]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`server exited: ${output}`)));
  });
  port.catch(() => undefined);
  return {
    port,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
