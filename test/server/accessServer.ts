import { afterEach, expect } from 'vitest';
import type { LibraryServerOptions } from '../../src/server';
import {
  NONCE_BYTES,
  accessMessages,
  accessProof,
  newNonce,
  parseHexField,
  type Packet,
} from '../../src/protocol';
import { SeedClient } from '../support/seedClient';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { RawClient } from './rawClient';

/** The code the access tests' servers ask for. */
export const CODE = 'harbour-lights-7431';

/** A packet's fields as text. */
export const text = (packet: Packet): string[] =>
  packet.fields.map((field) => field.toString('latin1'));

export interface AccessServers {
  /** Starts a server on the bundled music that asks for CODE under `policy`. */
  start(policy?: LibraryServerOptions['accessPolicy']): Promise<RunningServer>;
  /** Starts a server with the given options (e.g. none: a server that needs no code). */
  startWith(options?: Partial<LibraryServerOptions>): Promise<RunningServer>;
  /** The server last started in this test, if any. */
  readonly running: RunningServer | null;
  /** A raw connection from `localAddress` (another host when 127.0.0.2). */
  raw(port: number, localAddress?: string): Promise<RawClient>;
  /** A seed-era client that asked for the list (without proof) and was closed on. */
  seedListRefused(port: number): Promise<SeedClient>;
  /** Runs `cleanup` after this test, before the server closes. */
  onCleanup(cleanup: () => unknown): void;
}

/**
 * The access tests' shared set-up: each test's server and whatever it opened are closed after
 * the test, the connections first. Call once at the top of a test file.
 */
export function useAccessServers(): AccessServers {
  let running: RunningServer | null = null;
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await running?.server.close();
    running = null;
  });
  const startWith = async (options: Partial<LibraryServerOptions> = {}) => {
    running = await startTestServer(options);
    return running;
  };
  return {
    start: (policy = {}) => startWith({ accessCode: CODE, accessPolicy: policy }),
    startWith,
    get running() {
      return running;
    },
    async raw(port, localAddress) {
      const client = await RawClient.connect(port, '127.0.0.1', { localAddress });
      cleanups.push(() => client.destroy());
      return client;
    },
    async seedListRefused(port) {
      const seed = await SeedClient.connect(port);
      cleanups.push(() => seed.destroy());
      seed.list();
      await seed.closed;
      return seed;
    },
    onCleanup: (cleanup) => cleanups.push(cleanup),
  };
}

/** The server's nonce from its challenge. */
export function challengeNonce(challenge: Packet): Buffer {
  expect(text(challenge).slice(0, 2)).toEqual(['auth', 'challenge']);
  const serverNonce = parseHexField(challenge.fields[2], NONCE_BYTES);
  if (!serverNonce) throw new Error('no nonce in the challenge');
  return serverNonce;
}

/** Asks for a challenge; returns the server's nonce. */
export async function askChallenge(client: RawClient): Promise<Buffer> {
  client.send(accessMessages.request());
  return challengeNonce(await client.nextPacket());
}

/** Answers a challenge with the proof for `code`; returns the response's wire bytes. */
export function respond(client: RawClient, serverNonce: Buffer, code: string): Buffer {
  const clientNonce = newNonce();
  const response = accessMessages.response(
    clientNonce,
    accessProof(code, serverNonce, clientNonce),
  );
  client.send(response);
  return response;
}
