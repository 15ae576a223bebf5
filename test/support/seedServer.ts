import { createServer, type Server, type Socket } from 'node:net';

/**
 * A re-creation of the seed (Python 2) server's behaviour, for testing our client against it
 * (docs/PROTOCOL.md section 13): the plain list only, each line ending with LF; songs as raw
 * fixed-size chunks (4072 bytes) framed `play<NEXT;>DATA<NEXT;><END;>` with no delimiter safety
 * and no end-of-song marker; `stop` answered; `quit` answered, then the connection closed; no
 * reply at all for an unknown id; unknown commands and extra fields ignored.
 *
 * Like the seed, it serves one read at a time: what one read returns (at most 4096 bytes) is one
 * request, split on `<NEXT;>`, and anything after the first request in it is lost; a song is sent
 * whole before the next read, so requests sent meanwhile are read together, after it. Song ids
 * mean what they say here (the seed's off-by-one is not re-created).
 */
export interface SeedSong {
  title: string;
  bytes: Buffer;
}

export interface SeedServer {
  port: number;
  /** Song bytes written to sockets so far, over all connections. */
  readonly bytesSent: number;
  /** The command each read was taken as (`play 2`, `stop`…), over all connections. */
  readonly requests: readonly string[];
  /** Ends every connection at once, as a killed process would, and stops listening. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

const SEED_CHUNK_BYTES = 4072;
const SEED_READ_BYTES = 4096;
const frame = (...fields: Buffer[]) =>
  Buffer.concat([...fields.flatMap((f) => [f, Buffer.from('<NEXT;>')]), Buffer.from('<END;>')]);

export async function startSeedServer(songs: readonly SeedSong[]): Promise<SeedServer> {
  const sockets = new Set<Socket>();
  let bytesSent = 0;
  const requests: string[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let unread = Buffer.alloc(0);
    let serving = false;

    const play = async (song: SeedSong) => {
      for (let at = 0; at < song.bytes.length; at += SEED_CHUNK_BYTES) {
        if (socket.destroyed) return;
        const chunk = song.bytes.subarray(at, at + SEED_CHUNK_BYTES);
        bytesSent += chunk.length;
        if (!socket.write(frame(Buffer.from('play'), chunk))) await drained(socket);
      }
    };

    /** One `recv(4096)`, taken as one packet: the first request in it counts. */
    const serveRead = async (read: Buffer) => {
      const [command, id] = read.toString('latin1').split('<NEXT;>');
      requests.push(command === 'play' ? `play ${id}` : command);
      if (command === 'list') {
        const text = songs.map((s, sid) => `{sid: ${sid} title: ${s.title}}\n`).join('');
        socket.write(frame(Buffer.from('list'), Buffer.from(text)));
      } else if (command === 'play') {
        const song = /^\d+$/.test(id ?? '') ? songs[Number(id)] : undefined;
        if (song) await play(song); // the seed says nothing about an unknown id
      } else if (command === 'stop') {
        socket.write(frame(Buffer.from('stop')));
      } else if (command === 'quit') {
        socket.end(frame(Buffer.from('quit')));
      }
    };

    const serve = async () => {
      serving = true;
      while (unread.length > 0 && !socket.destroyed) {
        const read = unread.subarray(0, SEED_READ_BYTES);
        unread = unread.subarray(read.length);
        await serveRead(read);
      }
      serving = false;
    };

    socket.on('data', (chunk: Buffer) => {
      unread = Buffer.concat([unread, chunk]);
      if (!serving) void serve();
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
    requests,
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
