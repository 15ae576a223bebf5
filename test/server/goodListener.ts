import { clientMessages } from '../../src/protocol';
import { RawClient } from '../support/rawClient';
import { askChallenge, CODE, respond } from './accessServer';
import type { StreamExpectation } from './hostileReplyCheck';

/** A client on 127.0.0.1, admitted with the access code first when the server asks for one. */
export async function admittedClient(port: number, coded: boolean): Promise<RawClient> {
  const client = await RawClient.connect(port, '127.0.0.1', { noDelay: true });
  if (coded) {
    respond(client, await askChallenge(client), CODE);
    const verdict = await client.nextPacket();
    if (verdict.body.toString('latin1') !== 'auth<NEXT;>ok<NEXT;>') {
      client.destroy();
      throw new Error(`the listener was not admitted: ${verdict.body.toString('latin1')}`);
    }
  }
  return client;
}

/**
 * A listener who plays one song to its end marker, reading as fast as it comes; returns what
 * differs from `expected` (nothing: it got exactly the start packet and the bytes due).
 */
export async function listenWhole(
  client: RawClient,
  song: number,
  seconds: number,
  expected: StreamExpectation,
  timeoutMs: number,
): Promise<string[]> {
  client.send(clientMessages.play(song, seconds));
  if (expected.start !== null) {
    const start = await client.nextPacket(timeoutMs);
    if (!start.body.equals(expected.start)) {
      return [`the listener's start packet: ${start.body.subarray(0, 60).toString('latin1')}`];
    }
  }
  const data = await client.readSong(timeoutMs);
  if (data.equals(expected.data)) return [];
  let at = 0;
  while (at < data.length && data[at] === expected.data[at]) at++;
  return [
    `the listener got ${data.length} bytes of ${expected.data.length}, first difference at ${at}`,
  ];
}
