import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `bash`'s `times` prints "0m1.234s 0m0.056s" twice: the shell's own, then its children's. */
function parseSeconds(field: string): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(field);
  if (!match) throw new Error(`Unexpected 'times' field: ${field}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/**
 * CPU seconds (user + system) a command line takes, its output thrown away: measured by the
 * kernel's accounting of a child process through bash's `times`, so start-up is included, as it
 * is for a person who runs the tool. Resolution 1 ms.
 */
export async function cliCpuSeconds(command: readonly string[]): Promise<number> {
  const script = `${command.map(quote).join(' ')} >/dev/null 2>&1 || exit 3; times`;
  const { stdout } = await run('bash', ['-c', script]);
  const children = stdout.trim().split('\n')[1]?.trim().split(/\s+/) ?? [];
  if (children.length !== 2) throw new Error(`Unexpected 'times' output: ${stdout}`);
  return parseSeconds(children[0]) + parseSeconds(children[1]);
}
