import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeProxyV2 } from '../../src/server/proxyProtocolV2';
import { CLI_START_MS } from '../support/cliStart';

const REPO = path.resolve(import.meta.dirname, '../..');

async function until<T>(probe: () => T | null, what: string, timeoutMs = CLI_START_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// The test starts the CLI from source (CLI_START_MS) and then works with it.
describe('tidewave-server --proxy-from', { timeout: CLI_START_MS + 30_000 }, () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('logs the listener named by the header, and refuses the balancer without one', async () => {
    // 127.0.0.2 plays the balancer (Linux routes all of 127/8 to loopback).
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/server.ts', '0', '--proxy-from', '127.0.0.2'],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(() => child.kill('SIGKILL'));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const port = Number(
      await until(() => /on 127\.0\.0\.1:(\d+)\n/.exec(stdout)?.[1] ?? null, 'the banner'),
    );
    const fromBalancer = (): Socket => {
      const socket = connect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' });
      socket.on('error', () => {});
      cleanups.push(() => socket.destroy());
      return socket;
    };

    const header = encodeProxyV2({
      command: 'proxy',
      source: { address: '203.0.113.50', port: 4242 },
      destination: { address: '192.0.2.1', port },
    });
    fromBalancer().write(Buffer.concat([header, Buffer.from('list<NEXT;><END;>')]));
    await until(() => (stdout.includes('client 203.0.113.50:4242 list\n') ? true : null), 'list');

    const bare = fromBalancer();
    let reply = '';
    bare.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    bare.write('list<NEXT;><END;>');
    await new Promise<void>((resolve) => bare.once('close', () => resolve()));
    expect(reply).toBe(
      'error<NEXT;>connection refused: came from the balancer without a PROXY v2 header<NEXT;><END;>',
    );
    expect(stdout).toMatch(/connection from 127\.0\.0\.2:\d+ refused: came from the balancer/);
  });
});
