import { createServer, type Server, type Socket } from 'node:net';
import { FrameParser } from '../../src/protocol';

/**
 * A re-creation of the seed (Python 2) server's behaviour, for testing our client against it:
 * the plain list only; songs as raw fixed-size chunks (4072 bytes) framed `play<NEXT;>DATA<NEXT;><END;>`
 * with no delimiter safety and no end-of-song marker; unknown commands and extra fields ignored;
 * `stop` answered; `quit` answered, then the connection closed; no reply at all for an unknown id.
 */
export interface SeedSong {
  title: string;
  bytes: Buffer;
}

export interface SeedServer {
  port: number;
  /** Song bytes written to sockets so far, over all connections. */
  readonly bytesSent: number;
  /** Ends every connection at once, as a killed process would, and stops listening. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

const SEED_CHUNK_BYTES = 4072;
const frame = (...fields: Buffer[]) =>
  Buffer.concat([...fields.flatMap((f) => [f, Buffer.from('<NEXT;>')]), Buffer.from('<END;>')]);

export async function startSeedServer(songs: readonly SeedSong[]): Promise<SeedServer> {
  const sockets = new Set<Socket>();
  let bytesSent = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const parser = new FrameParser(64 * 1024);
    let streaming = { cancelled: true };

    const play = async (song: SeedSong, token: { cancelled: boolean }) => {
      for (let at = 0; at < song.bytes.length; at += SEED_CHUNK_BYTES) {
        if (token.cancelled || socket.destroyed) return;
        const chunk = song.bytes.subarray(at, at + SEED_CHUNK_BYTES);
        bytesSent += chunk.length;
        if (!socket.write(frame(Buffer.from('play'), chunk))) await drained(socket);
      }
    };

    socket.on('data', (chunk) => {
      let packets;
      try {
        packets = parser.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const packet of packets) {
        const command = packet.fields[0]?.toString('latin1');
        if (command === 'list') {
          const text = songs.map((s, id) => `{sid: ${id} title: ${s.title}}`).join('\n');
          socket.write(frame(Buffer.from('list'), Buffer.from(text)));
        } else if (command === 'play') {
          const id = Number(packet.fields[1]?.toString('latin1'));
          const song = Number.isInteger(id) ? songs[id] : undefined;
          if (!song) continue; // the seed says nothing about an unknown id
          streaming.cancelled = true;
          streaming = { cancelled: false };
          void play(song, streaming);
        } else if (command === 'stop') {
          streaming.cancelled = true;
          socket.write(frame(Buffer.from('stop')));
        } else if (command === 'quit') {
          streaming.cancelled = true;
          socket.end(frame(Buffer.from('quit')));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    port: address.port,
    get bytesSent() {
      return bytesSent;
    },
    async kill() {
      for (const socket of sockets) socket.resetAndDestroy();
      await close();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await close();
    },
  };
}

function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}
