import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ userData: '', available: true, decrypts: true }));

// The shared stand-in keychain (test/main/support/fakeKeychain.ts).
vi.mock('electron', async () => (await import('./support/fakeKeychain')).fakeElectron(state));

const { createAccessCodes } = await import('../../src/main/accessCodeKeychain');
const { KeychainUnavailableError } = await import('../../src/settings');

describe('access codes remembered through safeStorage', () => {
  beforeAll(async () => {
    state.userData = await mkdtemp(path.join(tmpdir(), 'tidewave-codes-'));
  });
  afterAll(() => rm(state.userData, { recursive: true, force: true }));
  beforeEach(() => {
    state.available = true;
  });

  it('remembers a code per library, across restarts, never in plain text on disk', async () => {
    const codes = createAccessCodes();
    await codes.remember('Den._tidewave._tcp.local', 'harbour-lights-7431');
    await codes.remember('Kitchen._tidewave._tcp.local', 'ferry 22');
    const file = await readFile(path.join(state.userData, 'access-codes.json'), 'utf8');
    expect(file).not.toContain('harbour-lights-7431');
    expect(file).not.toContain('ferry 22');
    expect(file).not.toContain(Buffer.from('harbour-lights-7431').toString('base64'));

    const restarted = createAccessCodes();
    expect(await restarted.get('Den._tidewave._tcp.local')).toBe('harbour-lights-7431');
    expect(await restarted.get('Kitchen._tidewave._tcp.local')).toBe('ferry 22');
    await restarted.forget('Kitchen._tidewave._tcp.local');
    expect(await createAccessCodes().get('Kitchen._tidewave._tcp.local')).toBeNull();
  });

  it('refuses to remember without a keychain rather than write plain text', async () => {
    state.available = false;
    const codes = createAccessCodes();
    await expect(codes.remember('Attic._tidewave._tcp.local', 'plain')).rejects.toThrow(
      KeychainUnavailableError,
    );
    const file = await readFile(path.join(state.userData, 'access-codes.json'), 'utf8');
    expect(file).not.toContain('plain');
    expect(await codes.get('Den._tidewave._tcp.local')).toBeNull();
  });
});
