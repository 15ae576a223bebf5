import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_EXTENSIONS } from '../../src/discovery';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Loopback with multicast, alone in a fresh network namespace: no other host hears it. */
const NAMESPACE_SETUP =
  'ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo';

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
      const scenario = path.join('test', 'discovery', 'discoveryScenario.ts');
      const run = spawnSync(
        'unshare',
        [
          '-n',
          'sh',
          '-c',
          `${NAMESPACE_SETUP} && exec "$0" --import tsx ${scenario}`,
          process.execPath,
        ],
        { cwd: ROOT, encoding: 'utf8', timeout: 40_000 },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const seen = JSON.parse(run.stdout.trim()) as {
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
    });
  },
);
