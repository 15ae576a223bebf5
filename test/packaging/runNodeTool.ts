import { execFile } from 'node:child_process';

export interface ToolRun {
  /** stdout and stderr together. */
  output: string;
}

/**
 * Runs a Node CLI script (e.g. node_modules/electron-vite/bin/electron-vite.js) in `cwd`, with
 * Electron's binary download switched off, and rejects with its output if it fails or overruns.
 */
export function runNodeTool(
  cwd: string,
  script: string,
  args: string[],
  timeoutMs: number,
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, ...args],
      {
        cwd,
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
        env: {
          ...process.env,
          ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
          FORCE_COLOR: '0',
          NO_COLOR: '1',
        },
      },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (error)
          reject(new Error(`${script} ${args.join(' ')} failed: ${error.message}\n${output}`));
        else resolve({ output });
      },
    );
  });
}
