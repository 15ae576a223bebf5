/**
 * Runs inside a private network namespace (see discovery.test.ts): `tidewave-server --host
 * 0.0.0.0 --announce` is found by a browser, and its SIGTERM sends the goodbye. A second server
 * on loopback with --announce is not announced. Prints one JSON line for the test.
 */
import { spawn } from 'node:child_process';
import { LibraryBrowser, type FoundLibrary } from '../../src/discovery';

const MULTICAST = { interface: '127.0.0.1', bind: '0.0.0.0' };

function serverCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/server.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

function until<T>(check: () => T | null | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const value = check();
      if (value !== null && value !== undefined) return resolve(value);
      if (Date.now() > deadline) return reject(new Error(`never saw: ${what}`));
      setTimeout(poll, 25);
    };
    poll();
  });
}

async function main(): Promise<void> {
  const browser = new LibraryBrowser(MULTICAST);
  browser.start();
  const shared = serverCli(['0', '--host', '0.0.0.0', '--announce', '--name', 'Den Shelf']);
  const local = serverCli(['0', '--announce']);
  try {
    const port = Number(
      (await until(() => /on 0\.0\.0\.0:(\d+)/.exec(shared.output()), 'the shared port'))[1],
    );
    const found: FoundLibrary = await until(
      () => browser.libraries.find((library) => library.name === 'Den Shelf'),
      'the announced library',
    );
    await until(() => /Not announced/.exec(local.output()), 'the loopback server decline');
    shared.child.kill('SIGTERM');
    const exitCode = await shared.exited;
    await until(() => (browser.libraries.length === 0 ? true : null), 'the goodbye', 5_000);
    process.stdout.write(
      `${JSON.stringify({ port, found, exitCode, localOutput: local.output() })}\n`,
    );
  } finally {
    shared.child.kill('SIGKILL');
    local.child.kill('SIGKILL');
    await browser.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
