import { spawn, type ChildProcess } from 'node:child_process';
import { openFileLimits } from './openFileLimit';

/**
 * Starts a TypeScript entry in a Node child with tsx, `gc()` exposed and an IPC channel. When it
 * needs more open files than the soft limit allows, it goes through `sh -c 'ulimit -n N'`
 * (up to the hard limit).
 */
export function spawnTsChild(entry: string, args: string[], openFiles = 0): ChildProcess {
  const node = [
    process.execPath,
    ...(process.env.BENCH_CHILD_FLAGS?.split(' ').filter(Boolean) ?? []),
    '--expose-gc',
    '--import',
    'tsx',
    entry,
    ...args,
  ];
  const stdio: Array<'ignore' | 'inherit' | 'ipc'> = ['ignore', 'inherit', 'inherit', 'ipc'];
  const { soft, hard } = openFileLimits();
  if (soft === null || openFiles <= soft) return spawn(node[0], node.slice(1), { stdio });
  const target = hard === null ? openFiles : Math.min(openFiles, hard);
  return spawn('sh', ['-c', `ulimit -n ${target} && exec "$@"`, 'sh', ...node], { stdio });
}
