import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientSession, ConnectError } from '../../src/client';
import { FrameParser, serverMessages } from '../../src/protocol';
import { SongCollector } from './songCollector';

type Handler = (type: string, socket: Socket) => void;

const METADATA = JSON.stringify({
  version: 1,
  songs: [{ id: 0, title: 'A', artist: null, album: null, durationSeconds: null, hasCover: false }],
});

/** A server that answers each request packet with whatever `handler` writes; `reads` keeps what each read brought. */
async function scriptedServer(handler: Handler) {
  const sockets = new Set<Socket>();
  const reads: string[] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    const parser = new FrameParser(1 << 20);
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      reads.push(chunk.toString('latin1'));
      for (const packet of parser.push(chunk)) handler(packet.type, socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  };
  return { port: (server.address() as { port: number }).port, stop, reads };
}

describe('ClientSession with odd servers', () => {
  let stopServer: (() => Promise<unknown>) | undefined;
  let session: ClientSession | undefined;

  afterEach(async () => {
    session?.close();
    await stopServer?.();
    stopServer = session = undefined;
  });

  const start = async (handler: Handler, requestTimeoutMs = 1000, maxPacketBytes?: number) => {
    const started = await scriptedServer(handler);
    stopServer = started.stop;
    const logged: string[] = [];
    session = await ClientSession.connect({
      host: '127.0.0.1',
      port: started.port,
      requestTimeoutMs,
      maxPacketBytes,
      log: (m) => logged.push(m),
    });
    return { session, logged, reads: started.reads };
  };

  it('says plainly when nobody listens', async () => {
    const { port, stop } = await scriptedServer(() => {});
    await stop();
    const attempt = ClientSession.connect({ host: '127.0.0.1', port });
    await expect(attempt).rejects.toBeInstanceOf(ConnectError);
    await expect(attempt).rejects.toThrow(
      `Cannot connect to 127.0.0.1:${port}: connection refused`,
    );
  });

  it('ignores packets it does not understand and unexpected replies', async () => {
    const { session: s, logged } = await start((type, socket) => {
      if (type !== 'list') return;
      socket.write('hello<NEXT;>world<NEXT;><END;>garbage<END;>');
      socket.write(serverMessages.stop()); // nobody asked
      socket.write(serverMessages.error('nothing to refuse'));
      socket.write(serverMessages.list('{sid: 7 title: Seven}'));
    });
    const list = await s.list();
    expect(list.songs.map((song) => song.title)).toEqual(['Seven']);
    expect(logged.join('\n')).toMatch(
      /"hello"[\s\S]*"garbage"[\s\S]*"stop"[\s\S]*nothing to refuse/,
    );
    expect(s.closed).toBe(false);
  });

  it('closes with a reason when the server sends an endless packet', async () => {
    const LIMIT = 1024 * 1024; // the default is 16 MiB; the bound works the same
    const { session: s } = await start(
      (type, socket) => {
        if (type === 'list') socket.write(Buffer.alloc(LIMIT + 70_000, 'a'));
      },
      5000,
      LIMIT,
    );
    const closed = new Promise((resolve) => s.once('close', resolve));
    await expect(s.list()).rejects.toThrow(/without an end marker/);
    expect(await closed).toEqual({
      reason: `Server sent more than ${LIMIT} bytes without an end marker`,
      expected: false,
    });
  });

  it('knows a quit was not acknowledged when the server just hangs up', async () => {
    const { session: s } = await start((type, socket) => {
      if (type === 'quit') socket.end();
    });
    expect(await s.quit()).toEqual({ acknowledged: false });
  });

  it('refuses requests once closed by the client', async () => {
    const { session: s } = await start(() => {});
    const closed = new Promise((resolve) => s.once('close', resolve));
    s.close();
    const song = await s.play(1).outcome();
    expect(song).toMatchObject({ reason: 'error', error: { message: 'The session is closing' } });
    expect(await s.quit()).toEqual({ acknowledged: false });
    expect(await closed).toEqual({ reason: 'Closed by the client', expected: true });
    await expect(s.stop()).rejects.toThrow('Closed by the client');
  });

  it('gives up on a quit the server ignores, after the request timeout', async () => {
    const { session: s } = await start(() => {}, 200);
    expect(await s.quit()).toEqual({ acknowledged: false });
    expect(s.closed).toBe(true);
  });

  it('rejects a list the server does not answer, and a late reply is not misread', async () => {
    let lists = 0;
    const { session: s } = await start((type, socket) => {
      if (type !== 'list') return;
      lists += 1;
      if (lists === 2) {
        socket.write(serverMessages.list('{sid: 1 title: late}'));
        socket.write(serverMessages.list('{sid: 2 title: fresh}'));
      }
    }, 200);
    await expect(s.list()).rejects.toThrow('No reply to list within 200 ms');
    expect((await s.list()).songs.map((song) => song.title)).toEqual(['fresh']);
  });

  it('routes play data by the stop reply when switching songs', async () => {
    const { session: s, reads } = await start((type, socket) => {
      // Song A streams until the stop; B's play waits for the stop reply (no list: kind unknown).
      if (type === 'play') socket.write(serverMessages.playData(Buffer.from('AAAA')));
      if (type === 'stop') {
        socket.write(serverMessages.playData(Buffer.from('late A')));
        socket.write(serverMessages.endOfSong());
        socket.write(serverMessages.stop());
      }
    });
    const first = new SongCollector(s.play(1));
    await first.reached(4);
    const second = new SongCollector(s.play(2));
    await second.reached(4);
    expect(first.bytes.toString()).toBe('AAAA');
    expect(first.stream.endReason).toBe('stopped');
    expect(second.bytes.toString()).toBe('AAAA');
    expect(second.stream.endReason).toBe(null);
    expect(reads.some((read) => read.includes('stop') && read.includes('play'))).toBe(false);
  });

  it('sends stop and play in one write to a server with the metadata extension', async () => {
    const { session: s, reads } = await start((type, socket) => {
      if (type === 'list') socket.write(serverMessages.list('{sid: 0 title: A}', METADATA));
      if (type === 'play') socket.write(serverMessages.playData(Buffer.from('AAAA')));
      if (type === 'stop') socket.write(serverMessages.stop());
    });
    expect((await s.list()).hasMetadata).toBe(true);
    const first = new SongCollector(s.play(1));
    await first.reached(4);
    const second = new SongCollector(s.play(2, { startSeconds: 3 }));
    await second.reached(4);
    expect(reads).toContain('stop<NEXT;><END;>play<NEXT;>2<NEXT;>3<NEXT;><END;>');
  });

  it('fails a held play whose stop is never answered, without sending it', async () => {
    const { session: s, reads } = await start((type, socket) => {
      if (type === 'play') socket.write(serverMessages.playData(Buffer.from('AAAA')));
    }, 200);
    const first = new SongCollector(s.play(1));
    await first.reached(4);
    const outcome = await s.play(2).outcome();
    expect(outcome.reason).toBe('error');
    expect(outcome.error?.message).toBe('No reply to stop before play 2 within 200 ms');
    expect(reads.join('')).not.toContain('play<NEXT;>2');
    expect(s.closed).toBe(false);
  });

  it('fails a held play when the server hangs up before answering the stop', async () => {
    const { session: s } = await start((type, socket) => {
      if (type === 'play') socket.write(serverMessages.playData(Buffer.from('AAAA')));
      if (type === 'stop') socket.end();
    });
    const first = new SongCollector(s.play(1));
    await first.reached(4);
    const outcome = await s.play(2).outcome();
    expect(outcome.reason).toBe('error');
    expect(outcome.error?.message).toBe('Server closed the connection');
  });

  it('ends a held play as stopped when the client closes', async () => {
    const { session: s } = await start((type, socket) => {
      if (type === 'play') socket.write(serverMessages.playData(Buffer.from('AAAA')));
    });
    const first = new SongCollector(s.play(1));
    await first.reached(4);
    const held = s.play(2);
    s.close();
    expect(await held.outcome()).toMatchObject({ reason: 'stopped', error: null });
  });
});
