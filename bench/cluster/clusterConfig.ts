import { readFile } from 'node:fs/promises';
import {
  deriveTestConfig,
  SHIPPED_CONFIG,
  type TestAddresses,
} from '../../test/deploy/haproxyHarness';

/**
 * The shipped HAProxy config (deploy/haproxy/haproxy.cfg) for `replicaPorts.length` replicas
 * on loopback: the servers past that count are left out, everything else is as shipped.
 */
export async function clusterConfig(addresses: TestAddresses): Promise<string> {
  const shipped = await readFile(SHIPPED_CONFIG, 'utf8');
  const count = addresses.replicaPorts.length;
  const trimmed = shipped.replace(/^\s*server r(\d+) .*\n/gm, (line, n: string) =>
    Number(n) <= count ? line : '',
  );
  return deriveTestConfig(trimmed, addresses);
}
