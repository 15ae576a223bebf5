import type { Socket } from 'node:net';
import {
  AUTH_TYPE,
  AuthWord,
  CLIENT_MAX_PACKET_BYTES,
  FrameParser,
  NONCE_BYTES,
  PacketType,
  accessMessages,
  accessProof,
  authWord,
  clientMessages,
  newNonce,
  parseHexField,
  type Packet,
} from '../protocol';

/** The server refused the access code, or could not be asked for a challenge. */
export class AccessRefusedError extends Error {
  constructor(readonly detail: string) {
    super(`Access refused: ${detail}`);
    this.name = 'AccessRefusedError';
  }
}

/** How the handshake ended: the server checked the code, needs none, or predates the extension. */
export type AccessOutcome = 'accepted' | 'not-needed' | 'no-extension';

/**
 * Proves the access code on a fresh socket before anything else is sent (docs/PROTOCOL.md
 * §15.3). It writes `auth` and `stop` together: a server without the extension answers only the
 * `stop`, so that reply first means no code is asked; an extension server answers the `auth`
 * first. The socket is left paused, with no bytes read beyond the handshake's replies.
 */
export function proveAccessCode(
  socket: Socket,
  code: string,
  timeoutMs: number,
): Promise<AccessOutcome> {
  return new Promise((resolve, reject) => {
    const parser = new FrameParser(CLIENT_MAX_PACKET_BYTES);
    let authDone: AccessOutcome | null = null;
    let stopSeen = false;
    let challenged = false;
    const finish = (error: Error | null) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onError);
      socket.pause();
      if (error) {
        socket.destroy();
        reject(error);
      } else if (parser.bufferedBytes > 0) {
        socket.destroy();
        reject(new AccessRefusedError('the server sent more than the handshake asked for'));
      } else {
        resolve(authDone ?? 'no-extension');
      }
    };
    const onPacket = (packet: Packet): Error | null => {
      if (packet.type === PacketType.Error) {
        return new AccessRefusedError(packet.fields[1]?.toString('utf8') || 'refused');
      }
      if (packet.type === PacketType.Stop) {
        stopSeen = true;
        // A stop before any auth reply: the server discarded `auth` (no extension).
        if (!challenged) authDone ??= 'no-extension';
        return null;
      }
      if (packet.type !== AUTH_TYPE) {
        return new AccessRefusedError(`unexpected ${JSON.stringify(packet.type.slice(0, 40))}`);
      }
      const word = authWord(packet);
      if (word === AuthWord.Ok) {
        authDone = challenged ? 'accepted' : 'not-needed';
        return null;
      }
      const serverNonce = parseHexField(packet.fields[2], NONCE_BYTES);
      if (word !== AuthWord.Challenge || serverNonce === null || challenged) {
        return new AccessRefusedError('malformed access code challenge');
      }
      challenged = true;
      const clientNonce = newNonce();
      socket.write(
        accessMessages.response(clientNonce, accessProof(code, serverNonce, clientNonce)),
      );
      return null;
    };
    const onData = (chunk: Buffer) => {
      try {
        for (const packet of parser.push(chunk)) {
          const error = onPacket(packet);
          if (error) return finish(error);
        }
      } catch (error) {
        return finish(error as Error);
      }
      if (stopSeen && authDone !== null) finish(null);
    };
    const onClose = () =>
      finish(new AccessRefusedError('the server closed the connection during the handshake'));
    const timer = setTimeout(
      () =>
        finish(
          new AccessRefusedError(
            `no answer to the access code handshake within ${timeoutMs} ms (a seed-era server?)`,
          ),
        ),
      timeoutMs,
    );
    const onError = () => {}; // 'close' follows and says why
    socket.on('data', onData);
    socket.on('error', onError);
    socket.once('close', onClose);
    socket.write(Buffer.concat([accessMessages.request(), clientMessages.stop()]));
  });
}

/** Whether a server's error message is one of the access code refusals of §15. */
export function isAccessRefusal(message: string): boolean {
  return /^(access code required|wrong access code|too many wrong access codes)/.test(message);
}
