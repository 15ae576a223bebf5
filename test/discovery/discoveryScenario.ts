/**
 * Runs inside a private network namespace (see discovery.test.ts): a real library server,
 * announced over real multicast on loopback, found by a browser, connected to, changed, and
 * withdrawn. Prints one JSON line of what the browser saw; the test asserts on it.
 */
import { ClientSession } from '../../src/client';
import {
  LibraryAnnouncer,
  LibraryBrowser,
  SERVER_EXTENSIONS,
  type FoundLibrary,
} from '../../src/discovery';
import { startTestServer } from '../support/serverHarness';

const MULTICAST = { interface: '127.0.0.1', bind: '0.0.0.0' };

function until(
  browser: LibraryBrowser,
  test: (libraries: FoundLibrary[]) => boolean,
  what: string,
): Promise<FoundLibrary[]> {
  if (test(browser.libraries)) return Promise.resolve(browser.libraries);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser never saw: ${what}`)), 8_000);
    const onChange = (libraries: FoundLibrary[]) => {
      if (!test(libraries)) return;
      clearTimeout(timer);
      browser.off('change', onChange);
      resolve(libraries);
    };
    browser.on('change', onChange);
  });
}

async function main(): Promise<void> {
  const { server, port } = await startTestServer({ log: () => {} });
  const browser = new LibraryBrowser(MULTICAST);
  browser.start();
  const library = {
    name: 'Harbour Room',
    songCount: server.library.songs.length,
    extensions: SERVER_EXTENSIONS,
    accessCode: false,
  };
  const announcer = new LibraryAnnouncer(port, library, MULTICAST);
  announcer.start();
  const [appeared] = await until(browser, (l) => l.length === 1, 'the library appear');

  // Resolve: the found address and port reach the server, which lists what the TXT announced.
  const session = await ClientSession.connect({ host: appeared.addresses[0], port: appeared.port });
  const listed = (await session.list()).songs.length;
  await session.quit();

  await announcer.update({ ...library, songCount: 42, accessCode: true });
  const [changed] = await until(
    browser,
    (l) => l.length === 1 && l[0].songCount === 42,
    'the TXT change',
  );

  const stoppedAt = performance.now();
  await announcer.stop();
  await until(browser, (l) => l.length === 0, 'the goodbye');
  const goneAfterMs = Math.round(performance.now() - stoppedAt);

  await browser.stop();
  await server.close();
  process.stdout.write(`${JSON.stringify({ appeared, listed, changed, goneAfterMs })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
