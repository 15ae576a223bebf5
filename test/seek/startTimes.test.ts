import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientSession } from '../../src/client';
import { PlaybackService } from '../../src/player';
import { RawClient } from '../support/rawClient';
import { startTestServer, type RunningServer } from '../support/serverHarness';

// Issue 15 A6: start times past the end or not finite, and ids that are not ASCII.
describe('start times and ids the server refuses', () => {
  let running: RunningServer;
  let client: RawClient;

  beforeAll(async () => {
    running = await startTestServer({ pacing: false });
    client = await RawClient.connect(running.port);
  });
  afterAll(async () => {
    client.destroy();
    await running.server.close();
  });

  /** The reply to `request`, then proof that the connection still works and nothing followed. */
  async function replyTo(request: Buffer | string): Promise<string> {
    client.send(request);
    const reply = await client.nextPacket();
    client.send('stop<NEXT;><END;>');
    expect((await client.nextPacket()).type).toBe('stop'); // no song data came in between
    return reply.fields.map((field) => field.toString('utf8')).join('|');
  }

  it('refuses a start past the end with a clear error and no song data', async () => {
    const song = running.server.library.songs[1];
    const duration = (song.durationSeconds ?? 0).toFixed(3);
    expect(await replyTo('play<NEXT;>1<NEXT;>999<NEXT;><END;>')).toBe(
      `error|start time 999 s is past the end of song 1 (${duration} s)`,
    );
    // The song's very end is past it too; a moment before is not.
    expect(await replyTo(`play<NEXT;>1<NEXT;>${duration}<NEXT;><END;>`)).toMatch(/^error\|/);
    client.send(`play<NEXT;>1<NEXT;>${Number(duration) - 0.5}<NEXT;><END;>`);
    expect((await client.nextPacket()).type).toBe('start');
    expect((await client.readSong()).length).toBeGreaterThan(0);
  });

  it.each(['Infinity', '1e308', '-1', 'NaN', ' 4', '1'.repeat(33)])(
    'refuses the start time %j instead of playing from the start',
    async (start) => {
      expect(await replyTo(`play<NEXT;>0<NEXT;>${start}<NEXT;><END;>`)).toBe(
        `error|bad start time ${JSON.stringify(start)} for song 0`,
      );
    },
  );

  it('echoes a non-ASCII id back as it was sent', async () => {
    const id = Buffer.from('\u00e9t\u00e9-\u6b4c-\ud83c\udfb5', 'utf8');
    const request = Buffer.concat([Buffer.from('play<NEXT;>'), id, Buffer.from('<NEXT;><END;>')]);
    expect(await replyTo(request)).toBe(
      'error|unknown song id "\u00e9t\u00e9-\u6b4c-\ud83c\udfb5"',
    );
  });

  it('cuts a long id without splitting a character', async () => {
    const id = '\ud83c\udfb5'.repeat(50);
    expect(await replyTo(`play<NEXT;>${id}<NEXT;><END;>`)).toBe(
      `error|unknown song id "${'\ud83c\udfb5'.repeat(40)}"`,
    );
  });
});

describe('start times the client refuses before sending anything', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startTestServer({ pacing: false });
  });
  afterAll(() => running.server.close());

  const playsLogged = () => running.logLines.filter((line) => / play | start time /.test(line));

  it.each([Infinity, -Infinity, Number.NaN, -1, 1e308, 1e21])(
    'ClientSession.play with %s fails at once and sends nothing',
    async (startSeconds) => {
      const session = await ClientSession.connect({ host: '127.0.0.1', port: running.port });
      try {
        await session.list();
        const outcome = await session.play(0, { startSeconds }).outcome();
        expect(outcome.reason).toBe('error');
        expect(outcome.error).toBeInstanceOf(RangeError);
        expect(outcome.error?.message).toMatch(/Not a start time/);
        await session.list(); // a round trip: anything sent before it has been handled
        expect(playsLogged()).toEqual([]);
      } finally {
        session.close();
      }
    },
  );

  it('the player refuses 1e308 (which would go out as "Infinity") without stopping its song', async () => {
    const service = new PlaybackService();
    const events: string[] = [];
    service.on('stream', (event) => events.push(event.kind));
    try {
      await service.connect('127.0.0.1', running.port);
      await expect(service.play({ songId: 0, startSeconds: 1e308 })).rejects.toThrow(
        /Not a start time in seconds: 1e\+308/,
      );
      await service.listSongs();
      expect(events).toEqual([]);
      expect(playsLogged()).toEqual([]);
    } finally {
      await service.dispose();
    }
  });
});
