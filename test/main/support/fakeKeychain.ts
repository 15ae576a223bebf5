/**
 * A stand-in for Electron's `app` and `safeStorage`, for `vi.mock('electron', …)` factories:
 * reversible, nothing like the plain text, and able to fail the two ways a real keychain does.
 */
export interface FakeKeychainState {
  /** What `app.getPath('userData')` answers; each test's own temp folder. */
  userData: string;
  /** false: `isEncryptionAvailable()` says no (no keyring on this desktop). */
  available: boolean;
  /** false: decrypting throws, as when the login keyring changed under the app. */
  decrypts: boolean;
}

const PREFIX = 'sealed:';

export function fakeElectron(state: FakeKeychainState) {
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    app: { getPath: (name: string) => (name === 'userData' ? state.userData : '/nowhere') },
    safeStorage: {
      isEncryptionAvailable: () => state.available,
      encryptString: (text: string) => flip(Buffer.from(`${PREFIX}${text}`)),
      decryptString: (sealed: Buffer) => {
        if (!state.decrypts) throw new Error('Error while decrypting the ciphertext');
        const text = flip(sealed).toString();
        if (!text.startsWith(PREFIX)) throw new Error('not ours');
        return text.slice(PREFIX.length);
      },
    },
  };
}
