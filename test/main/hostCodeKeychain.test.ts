import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostService } from '../../src/host';
import { BUNDLED_MUSIC } from '../support/serverHarness';

const state = vi.hoisted(() => ({ userData: '', keychainWorks: true }));

// A keychain that can stop decrypting, as when the login keyring changes under the app.
vi.mock('electron', () => ({
  app: { getPath: (name: string) => (name === 'userData' ? state.userData : '/nowhere') },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (text: string) => Buffer.from(`sealed:${text}`),
    decryptString: (sealed: Buffer) => {
      if (!state.keychainWorks) throw new Error('Error while decrypting the ciphertext');
      return sealed.toString().slice('sealed:'.length);
    },
  },
}));

const { AccessCodeBook } = await import('../../src/main/accessCodeBook');
const { createAccessCodes } = await import('../../src/main/accessCodeKeychain');
const { createSharingSetup, KEYCHAIN_FAILED } = await import('../../src/main/sharingSetup');

describe("the host's access code when the keychain fails", () => {
  let host: HostService | null = null;
  beforeEach(async () => {
    state.userData = await mkdtemp(path.join(tmpdir(), 'tidewave-keychain-'));
    state.keychainWorks = true;
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

    state.keychainWorks = false;
    await expect(setup.host.accessCode?.()).rejects.toThrow(KEYCHAIN_FAILED);
    host = new HostService({ pacing: false, watch: false, accessCode: setup.host.accessCode });
    await expect(host.start({ folder: BUNDLED_MUSIC, port: 0, shareOnLan: false })).rejects.toThrow(
      KEYCHAIN_FAILED,
    );
    expect(host.getState()).toMatchObject({ running: false });
    await setup.dispose();
  });
});
