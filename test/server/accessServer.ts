import { expect } from 'vitest';
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
import { useTestServers, type RunningServer } from '../support/serverHarness';
import type { RawClient } from '../support/rawClient';

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
  /** The server last started in this test. */
  readonly running: RunningServer;
  /** A raw connection from `localAddress` (another host when 127.0.0.2). */
  raw(port: number, localAddress?: string): Promise<RawClient>;
  /** A seed-era client that asked for the list (without proof) and was closed on. */
  seedListRefused(port: number): Promise<SeedClient>;
  /** Runs `cleanup` after this test, before the server closes. */
  onCleanup(cleanup: () => unknown): void;
}

/** The access tests' shared set-up (useTestServers) with their own server and seed client. */
export function useAccessServers(): AccessServers {
  const servers = useTestServers();
  return {
    start: (policy = {}) => servers.start({ accessCode: CODE, accessPolicy: policy }),
    startWith: (options) => servers.start(options),
    get running() {
      return servers.running;
    },
    raw: (port, localAddress) => servers.raw({ port, localAddress }),
    async seedListRefused(port) {
      const seed = await SeedClient.connect(port);
      servers.onCleanup(() => seed.destroy());
      seed.list();
      await seed.closed;
      return seed;
    },
    onCleanup: (cleanup) => servers.onCleanup(cleanup),
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
