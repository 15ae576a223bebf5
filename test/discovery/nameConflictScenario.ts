/**
 * Runs inside a private network namespace (see nameConflict.test.ts): one library announces
 * "Harbour Room"; then the app's HostService shares another library under the same name. It must
 * come up as "Harbour Room (2)", show that name, and leave the first one listed. A third announcer
 * allowed only two names finds both taken and says so. Prints one JSON line of what was seen.
 */
import {
  LibraryAnnouncer,
  LibraryBrowser,
  NameConflictError,
  SERVER_EXTENSIONS,
} from '../../src/discovery';
import { HostService } from '../../src/host';
import type { HostState } from '../../src/shared/tidewaveApi';
import { BUNDLED_MUSIC, startTestServer } from '../support/serverHarness';
import { untilFound } from './browserWait';

const MULTICAST = { interface: '127.0.0.1', bind: '0.0.0.0' };
const NAME = 'Harbour Room';

function untilState(host: HostService, test: (state: HostState) => boolean): Promise<HostState> {
  if (test(host.getState())) return Promise.resolve(host.getState());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host state never matched: ${JSON.stringify(host.getState())}`)),
      8_000,
    );
    host.on('changed', (state) => {
      if (!test(state)) return;
      clearTimeout(timer);
      resolve(state);
    });
  });
}

async function main(): Promise<void> {
  const { server, port } = await startTestServer({ log: () => {} });
  const browser = new LibraryBrowser(MULTICAST);
  browser.start();
  const library = { name: NAME, songCount: 3, extensions: SERVER_EXTENSIONS, accessCode: false };
  const first = new LibraryAnnouncer(port, library, MULTICAST);
  const firstName = await first.start();
  await untilFound(browser, (l) => l.length === 1, 'the first library');

  const host = new HostService({
    pacing: false,
    watch: false,
    announce: { multicast: MULTICAST, name: () => NAME },
  });
  const started = await host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: true });
  const renamed = await untilState(host, (state) => state.announcedAs !== NAME);
  const both = await untilFound(browser, (l) => l.length === 2, 'both libraries');

  // Only two names allowed, both taken: nothing announced, and an error that says why.
  const third = new LibraryAnnouncer(port, library, MULTICAST, () => {}, { maxNames: 2 });
  let thirdError = '';
  try {
    await third.start();
  } catch (error) {
    thirdError = error instanceof NameConflictError ? error.message : `other: ${String(error)}`;
  }
  // Give a wrongly sent goodbye or announcement time to arrive before the last look.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const afterThird = browser.libraries.map(({ name, port: p }) => ({ name, port: p }));

  await Promise.all([host.dispose(), first.stop(), third.stop(), browser.stop()]);
  await server.close();
  process.stdout.write(
    `${JSON.stringify({
      firstName,
      firstPort: port,
      startedAs: started.announcedAs,
      renamed: {
        announcedAs: renamed.announcedAs,
        announceError: renamed.announceError,
        port: renamed.port,
      },
      both: both.map(({ name, port: p }) => ({ name, port: p })),
      thirdError,
      afterThird,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
