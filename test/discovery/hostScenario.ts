/**
 * Runs inside a private network namespace (see hostSharing.test.ts): the app's HostService
 * shares the bundled music "on my network" and announces it over real multicast on loopback;
 * a LibraryBrowser (the app's main side) finds it. Then the computer's addresses change (an
 * address added to and removed from a veth made here) and the announcement follows; an access
 * code is set; hosting stops with a goodbye. A library kept on this computer is never announced.
 * Prints one JSON line of what was seen; the test asserts on it.
 */
import { execFileSync } from 'node:child_process';
import { LibraryBrowser } from '../../src/discovery';
import { HostService } from '../../src/host';
import { BUNDLED_MUSIC } from '../support/serverHarness';
import { untilFound } from './browserWait';

const MULTICAST = { interface: '127.0.0.1', bind: '0.0.0.0' };
const NEW_ADDRESS = '10.9.8.7';

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

async function main(): Promise<void> {
  ip('link', 'add', 'tw0', 'type', 'veth', 'peer', 'name', 'tw1');
  ip('link', 'set', 'tw0', 'up');
  ip('link', 'set', 'tw1', 'up'); // with its peer down, tw0 is not running and Node lists none of it
  let accessCode: string | null = null;
  const announce = { multicast: MULTICAST, name: () => 'Attic' };
  const options = { pacing: false as const, watch: false, announce, addressPollMs: 100 };
  const shared = new HostService({ ...options, accessCode: async () => accessCode });
  const local = new HostService(options);
  const browser = new LibraryBrowser(MULTICAST);
  browser.start();

  const kept = await local.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: false });
  const state = await shared.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: true });
  const [appeared] = await untilFound(browser, (l) => l.length > 0, 'the shared library');
  // The local one had its chance: it was started first.
  const listedWhileBoth = browser.libraries.map((library) => library.port);

  ip('addr', 'add', `${NEW_ADDRESS}/24`, 'dev', 'tw0');
  const [moved] = await untilFound(
    browser,
    (l) => l.length === 1 && l[0].addresses.includes(NEW_ADDRESS),
    'the new address',
  );
  const shownAfterAdd = shared.getState().shareAddresses;
  ip('addr', 'del', `${NEW_ADDRESS}/24`, 'dev', 'tw0');
  const [back] = await untilFound(
    browser,
    (l) => l.length === 1 && !l[0].addresses.includes(NEW_ADDRESS),
    'the address gone',
  );
  const shownAfterDel = shared.getState().shareAddresses;

  accessCode = 'attic stairs';
  const locked = await shared.restart();
  const [coded] = await untilFound(
    browser,
    (l) => l.length === 1 && l[0].accessCode,
    'the access code in the TXT record',
  );

  const stoppedAt = performance.now();
  await shared.stop();
  await untilFound(browser, (l) => l.length === 0, 'the goodbye');
  const goneAfterMs = Math.round(performance.now() - stoppedAt);

  await Promise.all([shared.dispose(), local.dispose(), browser.stop()]);
  ip('link', 'del', 'tw0');
  process.stdout.write(
    `${JSON.stringify({
      kept: { port: kept.port, announcedAs: kept.announcedAs },
      state: { port: state.port, announcedAs: state.announcedAs, songCount: state.songCount },
      appeared,
      listedWhileBoth,
      moved,
      shownAfterAdd,
      back,
      shownAfterDel,
      locked: { accessCode: locked.accessCode, port: locked.port },
      coded,
      goneAfterMs,
    })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
