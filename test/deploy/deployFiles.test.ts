import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../src/cli/serverArgs';
import { clientMessages } from '../../src/protocol';
import { deriveTestConfig, HAPROXY, haproxyInstalled, SHIPPED_CONFIG } from './haproxyHarness';

const DEPLOY = path.resolve(import.meta.dirname, '../../deploy');
const UNIT = path.join(DEPLOY, 'systemd/tidewave-server@.service');
const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'tidewave-deploy-files-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function haproxyCheck(file: string): { status: number | null; output: string } {
  const run = spawnSync(HAPROXY, ['-c', '-f', file], { encoding: 'utf8', timeout: 10_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe.skipIf(!haproxyInstalled())(
  `deploy/haproxy/haproxy.cfg${haproxyInstalled() ? '' : ` (SKIPPED: ${HAPROXY} is not installed; apt-get install haproxy)`}`,
  () => {
    it('is valid for haproxy -c, as shipped and as the cluster test runs it', async () => {
      expect(haproxyCheck(SHIPPED_CONFIG)).toMatchObject({ status: 0 });
      const derived = path.join(scratch, 'test.cfg');
      const shipped = await readFile(SHIPPED_CONFIG, 'utf8');
      const addresses = { frontendPort: 1, replicaPorts: [2, 3, 4], adminSocket: `${scratch}/a` };
      await writeFile(derived, deriveTestConfig(shipped, addresses));
      expect(haproxyCheck(derived)).toMatchObject({ status: 0 });
    });

    it('is checked for real: a config with a mistake fails', async () => {
      const broken = path.join(scratch, 'broken.cfg');
      const shipped = await readFile(SHIPPED_CONFIG, 'utf8');
      await writeFile(broken, shipped.replace('balance leastconn', 'balance fewestconn'));
      const { status, output } = haproxyCheck(broken);
      expect(status).not.toBe(0);
      expect(output).toMatch(/broken\.cfg:\d+\] : balance only supports/);
    });
  },
);

describe('deploy files agree with the code', () => {
  it('the health check sends the protocol’s list (and quit) and expects a list reply', async () => {
    const shipped = await readFile(SHIPPED_CONFIG, 'utf8');
    const send = /^\s*tcp-check send (\S+)$/m.exec(shipped)?.[1];
    expect(send).toBe(
      Buffer.concat([clientMessages.list(), clientMessages.quit()]).toString('latin1'),
    );
    expect(shipped).toMatch(/^\s*tcp-check expect string list<NEXT;>$/m);
    expect(shipped).toMatch(/^\s*default-server send-proxy-v2 check /m);
    expect(shipped).toMatch(/^\s*balance leastconn$/m);
  });

  it("the replica unit's command line is one tidewave-server accepts", async () => {
    const unit = await readFile(UNIT, 'utf8');
    const env = new Map(
      (await readFile(path.join(DEPLOY, 'tidewave-server.env'), 'utf8'))
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const execStart = /^ExecStart=(.*)$/m.exec(unit)?.[1] ?? '';
    const words = execStart
      .replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a?: string, b?: string) => env.get((a ?? b)!) ?? '')
      .replace('%i', '7701')
      .split(/\s+/)
      .filter((word) => word !== '');
    expect(words.slice(0, 2)).toEqual(['/usr/bin/node', '/opt/tidewave/bin/tidewave-server.js']);
    expect(parseServerArgs(words.slice(2), '/unused')).toEqual({
      port: 7701,
      folder: '/srv/tidewave/music',
      host: '127.0.0.1',
      pacing: true,
      quiet: true,
      limits: { maxConnections: 1100 },
      proxyFrom: ['127.0.0.1'],
      watch: true,
      accessCodeFile: undefined,
      announce: undefined,
      name: undefined,
      drainSpreadMs: 10_000,
    });
    // The library the server reads is the one the sandbox keeps read-only.
    expect(unit).toMatch(/^ReadOnlyPaths=\/srv\/tidewave\/music$/m);
    for (const setting of ['DynamicUser=yes', 'ProtectSystem=strict', 'LimitNOFILE=65536']) {
      expect(unit).toContain(`\n${setting}\n`);
    }
  });

  it.skipIf(!existsSync(SYSTEMD_ANALYZE))(
    'systemd-analyze verify finds nothing to say',
    async () => {
      // An instance name, as systemctl would start it.
      const instance = path.join(scratch, 'tidewave-server@7701.service');
      await copyFile(UNIT, instance);
      const output = execFileSync(SYSTEMD_ANALYZE, ['verify', instance], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 20_000,
      });
      expect(output).toBe('');
      const typo = path.join(scratch, 'typo@1.service');
      await writeFile(
        typo,
        (await readFile(UNIT, 'utf8')).replace('LockPersonality', 'LockPersonalty'),
      );
      const run = spawnSync(SYSTEMD_ANALYZE, ['verify', typo], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.stdout + run.stderr).toMatch(/Unknown key 'LockPersonalty'/);
    },
  );
});
