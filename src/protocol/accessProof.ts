import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { encodePacket } from './packetEncoder';
import type { Packet } from './packetTypes';

/**
 * The access code extension (docs/PROTOCOL.md §15): a client proves it knows the library's code
 * without sending it. proof = HMAC-SHA-256(key = code, message = server nonce ‖ client nonce).
 */

/** The packet type of every access code packet, in both directions. */
export const AUTH_TYPE = 'auth';
/** Random bytes in each nonce; sent as lowercase hex. */
export const NONCE_BYTES = 32;
/** Bytes of an HMAC-SHA-256 proof. */
export const PROOF_BYTES = 32;
/** The longest access code accepted, in UTF-8 bytes (a passphrase, not a file). */
export const MAX_ACCESS_CODE_BYTES = 1_024;

export const AuthWord = {
  Challenge: 'challenge',
  Response: 'response',
  Ok: 'ok',
} as const;

export function newNonce(): Buffer {
  return randomBytes(NONCE_BYTES);
}

/** The proof a client sends for this pair of nonces. */
export function accessProof(code: string, serverNonce: Buffer, clientNonce: Buffer): Buffer {
  return createHmac('sha256', Buffer.from(code, 'utf8'))
    .update(Buffer.concat([serverNonce, clientNonce]))
    .digest();
}

/** Whether `proof` is right, compared in constant time. */
export function proofMatches(
  code: string,
  serverNonce: Buffer,
  clientNonce: Buffer,
  proof: Buffer,
): boolean {
  const expected = accessProof(code, serverNonce, clientNonce);
  return proof.length === expected.length && timingSafeEqual(proof, expected);
}

/** Decodes a field of exactly `bytes` bytes written as lowercase or uppercase hex; else null. */
export function parseHexField(field: Buffer | undefined, bytes: number): Buffer | null {
  if (!field || field.length !== bytes * 2) return null;
  const text = field.toString('latin1');
  return /^[0-9a-fA-F]+$/.test(text) ? Buffer.from(text, 'hex') : null;
}

/**
 * Checks an access code as read from a file or typed: surrounding white space (a file's final
 * newline) is not part of it. Returns the code, or throws RangeError saying what is wrong.
 */
export function normalizeAccessCode(text: string): string {
  const code = text.trim();
  if (code.length === 0) throw new RangeError('The access code is empty.');
  if (Buffer.byteLength(code, 'utf8') > MAX_ACCESS_CODE_BYTES) {
    throw new RangeError(`The access code is longer than ${MAX_ACCESS_CODE_BYTES} bytes.`);
  }
  return code;
}

export const accessMessages = {
  /** Client: `auth<NEXT;><END;>`, asking for a challenge. */
  request: (): Buffer => encodePacket([AUTH_TYPE]),
  /** Server: `auth<NEXT;>challenge<NEXT;>NONCE<NEXT;><END;>`. */
  challenge: (serverNonce: Buffer): Buffer =>
    encodePacket([AUTH_TYPE, AuthWord.Challenge, serverNonce.toString('hex')]),
  /** Client: `auth<NEXT;>response<NEXT;>CLIENT_NONCE<NEXT;>PROOF<NEXT;><END;>`. */
  response: (clientNonce: Buffer, proof: Buffer): Buffer =>
    encodePacket([
      AUTH_TYPE,
      AuthWord.Response,
      clientNonce.toString('hex'),
      proof.toString('hex'),
    ]),
  /** Server: `auth<NEXT;>ok<NEXT;><END;>`, the connection may make requests. */
  ok: (): Buffer => encodePacket([AUTH_TYPE, AuthWord.Ok]),
};

/** The second field of an auth packet, as text ('' when absent). */
export function authWord(packet: Packet): string {
  return packet.fields[1]?.toString('latin1') ?? '';
}
