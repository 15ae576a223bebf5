import { createServer, type Socket } from 'node:net';
import { FrameParser, SERVER_MAX_PACKET_BYTES, serverMessages } from '../../src/protocol';

/** What the fake server does with a play request. */
export type PlayBehaviour = { kind: 'refuse'; message: string } | { kind: 'forever' };

export interface HostileServerOptions {
  /** The `list` reply, as bytes (so it can be anything). */
  listReply: Buffer;
  play: PlayBehaviour;
  /** Answers stop and quit when true; a deaf server ignores them and streams on. */
  polite: boolean;
}

export interface HostileServer {
  port: number;
  close(): Promise<void>;
}

/** One play packet of 4,072 `x` bytes, what the forever stream repeats. */
export const FOREVER_CHUNK = Buffer.alloc(4072, 'x');

/**
 * A server on 127.0.0.1 that behaves as a hostile one may: whatever list it likes, a huge error
 * text, a song that never ends. It honours TCP backpressure and stops when the socket closes.
 */
export async function startHostileServer(options: HostileServerOptions): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const parser = new FrameParser(SERVER_MAX_PACKET_BYTES);
    let streaming = false;
    const stream = async () => {
      const packet = serverMessages.playData(FOREVER_CHUNK);
      streaming = true;
      while (streaming && !socket.destroyed) {
        if (!socket.write(packet)) await new Promise((resolve) => socket.once('drain', resolve));
      }
    };
    socket.on('data', (chunk: Buffer) => {
      for (const { type } of parser.push(chunk)) {
        if (type === 'list') socket.write(options.listReply);
        else if (type === 'play' && options.play.kind === 'refuse') {
          socket.write(serverMessages.error(options.play.message));
        } else if (type === 'play') void stream();
        else if (type === 'stop' && options.polite) {
          streaming = false;
          socket.write(serverMessages.stop());
        } else if (type === 'quit' && options.polite) socket.end(serverMessages.quit());
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A list reply with the metadata extension for `titles` (any text, control characters too), and
 * the extensions `features` names in its fourth field.
 */
export function metadataList(titles: readonly string[], features: readonly string[] = []): Buffer {
  const plain = titles.map((_, id) => `{sid: ${id} title: song ${id}}`).join('\n');
  const songs = titles.map((title, id) => ({
    id,
    title,
    artist: null,
    album: null,
    durationSeconds: null,
    hasCover: false,
  }));
  return serverMessages.list(plain, JSON.stringify({ version: 1, songs }), features);
}
