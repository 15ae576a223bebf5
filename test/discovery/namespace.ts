import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Loopback with multicast, alone in a fresh network namespace: no other host hears it. */
export const NAMESPACE_SETUP =
  'ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo';

/** Runs a scenario script (test/discovery/NAME) in a new namespace; its last stdout line is JSON. */
export function inNamespace(script: string): {
  status: number | null;
  stderr: string;
  result: unknown;
} {
  const scenario = path.join('test', 'discovery', script);
  const run = spawnSync(
    'unshare',
    [
      '-n',
      'sh',
      '-c',
      `${NAMESPACE_SETUP} && exec "$0" --import tsx ${scenario}`,
      process.execPath,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  const last = run.stdout.trim().split('\n').pop() ?? '';
  return { status: run.status, stderr: run.stderr, result: last ? JSON.parse(last) : null };
}

/** Why a namespace with multicast loopback and a veth pair cannot be made here, or null. */
export function namespaceRefusal(): string | null {
  const setup = `${NAMESPACE_SETUP} && ip link add twprobe0 type veth peer name twprobe1`;
  const probe = spawnSync('unshare', ['-n', 'sh', '-c', setup], { encoding: 'utf8' });
  if (probe.error) return `unshare is not available (${probe.error.message})`;
  return probe.status === 0 ? null : `unshare -n refused: ${probe.stderr.trim()}`;
}
