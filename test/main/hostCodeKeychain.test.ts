import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostService } from '../../src/host';
import { BUNDLED_MUSIC } from '../support/serverHarness';

const state = vi.hoisted(() => ({ userData: '', available: true, decrypts: true }));

// The shared stand-in keychain (test/main/support/fakeKeychain.ts).
vi.mock('electron', async () => (await import('./support/fakeKeychain')).fakeElectron(state));

const { AccessCodeBook } = await import('../../src/main/accessCodeBook');
const { createAccessCodes } = await import('../../src/main/accessCodeKeychain');
const { createSharingSetup, KEYCHAIN_FAILED } = await import('../../src/main/sharingSetup');

describe("the host's access code when the keychain fails", () => {
  let host: HostService | null = null;
  beforeEach(async () => {
    state.userData = await mkdtemp(path.join(tmpdir(), 'tidewave-keychain-'));
    state.decrypts = true;
  });
  afterEach(async () => {
    await host?.dispose();
    host = null;
    await rm(state.userData, { recursive: true, force: true });
  });

  it('does not host the library open: hosting fails and says why', async () => {
    await new AccessCodeBook(createAccessCodes(), () => null).setHostCode('harbour seal');
    const setup = createSharingSetup(() => undefined);
    expect(await setup.host.accessCode?.()).toBe('harbour seal');

    state.decrypts = false;
    await expect(setup.host.accessCode?.()).rejects.toThrow(KEYCHAIN_FAILED);
    host = new HostService({ pacing: false, watch: false, accessCode: setup.host.accessCode });
    await expect(host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: false })).rejects.toThrow(
      KEYCHAIN_FAILED,
    );
    expect(host.getState()).toMatchObject({ running: false });
    await setup.dispose();
  });
});
