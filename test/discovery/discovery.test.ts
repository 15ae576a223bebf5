import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_EXTENSIONS } from '../../src/discovery';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Loopback with multicast, alone in a fresh network namespace: no other host hears it. */
const NAMESPACE_SETUP =
  'ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo';

/** Runs a scenario script in a new namespace; its last stdout line is JSON. */
function inNamespace(script: string): { status: number | null; stderr: string; result: unknown } {
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

function namespaceRefusal(): string | null {
  const probe = spawnSync('unshare', ['-n', 'sh', '-c', NAMESPACE_SETUP], { encoding: 'utf8' });
  if (probe.error) return `unshare is not available (${probe.error.message})`;
  return probe.status === 0 ? null : `unshare -n refused: ${probe.stderr.trim()}`;
}

const refusal = namespaceRefusal();
if (refusal !== null) {
  console.warn(`SKIPPED discovery over real multicast: ${refusal} (run as root on Linux)`);
}

describe.skipIf(refusal !== null)(
  'DNS-SD over real multicast, in a private network namespace',
  () => {
    it('announces, is found and resolved, changes its TXT record, and says goodbye', () => {
      const run = inNamespace('discoveryScenario.ts');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const seen = run.result as {
        appeared: Record<string, unknown>;
        listed: number;
        changed: Record<string, unknown>;
        goneAfterMs: number;
      };
      expect(seen.appeared).toMatchObject({
        name: 'Harbour Room',
        songCount: seen.listed,
        extensions: [...SERVER_EXTENSIONS],
        accessCode: false,
        addresses: ['127.0.0.1'],
      });
      expect(seen.listed).toBeGreaterThan(0);
      expect(seen.changed).toMatchObject({ name: 'Harbour Room', songCount: 42, accessCode: true });
      // The goodbye, not the record's expiry (TTL 120 s at least), removed it.
      expect(seen.goneAfterMs).toBeLessThan(30_000);
    }, 60_000);

    it('tidewave-server --announce is found beyond loopback, says goodbye on SIGTERM, and stays quiet on loopback', () => {
      const run = inNamespace('cliScenario.ts');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const seen = run.result as {
        port: number;
        found: Record<string, unknown>;
        exitCode: number;
        localOutput: string;
      };
      expect(seen.found).toMatchObject({ name: 'Den Shelf', port: seen.port, accessCode: false });
      expect(seen.found.songCount).toBeGreaterThan(0);
      expect(seen.exitCode).toBe(0);
      expect(seen.localOutput).toContain(
        'Not announced: 127.0.0.1 is reachable from this computer only',
      );
    }, 60_000);
  },
);
