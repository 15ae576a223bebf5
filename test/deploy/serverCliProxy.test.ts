import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeProxyV2 } from '../../src/server/proxyProtocolV2';
import { CLI_START_MS, runServerCli, waitForOutput } from '../support/cliStart';

// The test starts the CLI from source (CLI_START_MS) and then works with it.
describe('tidewave-server --proxy-from', { timeout: CLI_START_MS + 30_000 }, () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('logs the listener named by the header, and refuses the balancer without one', async () => {
    // 127.0.0.2 plays the balancer (Linux routes all of 127/8 to loopback).
    const run = runServerCli(['0', '--proxy-from', '127.0.0.2']);
    cleanups.push(() => run.child.kill('SIGKILL'));
    const port = Number((await waitForOutput(run, /on 127\.0\.0\.1:(\d+)\n/))[1]);
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
    await waitForOutput(run, /client 203\.0\.113\.50:4242 list\n/);

    const bare = fromBalancer();
    let reply = '';
    bare.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    bare.write('list<NEXT;><END;>');
    await new Promise<void>((resolve) => bare.once('close', () => resolve()));
    expect(reply).toBe(
      'error<NEXT;>connection refused: came from the balancer without a PROXY v2 header<NEXT;><END;>',
    );
    expect(run.stdout()).toMatch(
      /connection from 127\.0\.0\.2:\d+ refused: came from the balancer/,
    );
  });
});
