import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { CLIENT_MAX_PACKET_BYTES, FrameParser } from '../../src/protocol';
import type { HostileObservation, Received } from './hostileReplyCheck';
import { scriptWrites, type Gap, type HostileScript } from './hostileScript';

/**
 * Ends a script that ends with `quit`: the `<END;>` first closes whatever the script left
 * unfinished, so the quit is always a packet of its own.
 */
export const FINAL_QUIT = Buffer.from('<END;>quit<NEXT;><END;>');
/** How long the peer waits for the server's close after its quit or half-close. */
const CLOSE_BOUND_MS = 8_000;
/** A slow reader takes one read this often. */
const SLOW_READ_MS = 40;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface HostileConnection {
  socket: Socket;
  /** Plays the script on the open connection; resolves once it is closed. */
  play(): Promise<HostileObservation>;
}

/** Opens the hostile peer's connection from `localAddress`; `play()` then runs `script`. */
export async function connectHostile(
  port: number,
  localAddress: string,
  script: HostileScript,
): Promise<HostileConnection> {
  const started = performance.now();
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  await once(socket, 'connect');
  socket.setNoDelay(true);
  const parser = new FrameParser(CLIENT_MAX_PACKET_BYTES);
  const received: Received[] = [];
  const state = { serverClosed: false, weClosed: false };
  socket.on('data', (chunk: Buffer) => {
    const at = performance.now() - started;
    for (const packet of parser.push(chunk)) received.push({ packet, at });
  });
  socket.on('end', () => (state.serverClosed = true));
  // A reset from the server (after a request over the bound) is its close too.
  socket.on('error', () => (state.serverClosed ||= !state.weClosed));
  // Not events.once: it would reject on the reset that a request over the bound may bring.
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  if (script.reading !== 'always') socket.pause();

  async function play(): Promise<HostileObservation> {
    let slow = script.reading === 'slow';
    const slowReads = setInterval(() => {
      if (!slow) return;
      socket.resume();
      setImmediate(() => slow && socket.pause());
    }, SLOW_READ_MS);
    for (const write of scriptWrites(script)) {
      if (socket.destroyed || socket.writableEnded) break;
      socket.write(write.bytes);
      await wait(write.gap);
    }
    slow = false;
    clearInterval(slowReads);
    socket.resume(); // from here on everything is read, so every reply can arrive
    await sleep(script.linger);
    if (script.ending === 'close') {
      state.weClosed = !state.serverClosed;
      socket.destroy();
    } else {
      if (!socket.destroyed && !socket.writableEnded) {
        if (script.ending === 'quit') socket.write(FINAL_QUIT);
        else socket.end();
      }
      const bound = sleep(CLOSE_BOUND_MS).then(() => 'bound' as const);
      if ((await Promise.race([closed, bound])) === 'bound') {
        state.weClosed = !state.serverClosed;
        socket.destroy();
      }
    }
    await closed;
    return { received, closedByServer: state.serverClosed, ending: script.ending };
  }
  return { socket, play };
}

async function wait(gap: Gap): Promise<void> {
  if (gap.at === 'tick') await new Promise((resolve) => setImmediate(resolve));
  else if (gap.at === 'ms') await sleep(gap.ms);
}

/** Connections from the hostile peer's address that say nothing; the cap refuses some. */
export interface SilentConnection {
  socket: Socket;
  received: Received[];
  serverClosed(): boolean;
}

export async function connectSilent(port: number, localAddress: string): Promise<SilentConnection> {
  const started = performance.now();
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  await once(socket, 'connect');
  const parser = new FrameParser(CLIENT_MAX_PACKET_BYTES);
  const received: Received[] = [];
  let ended = false;
  socket.on('data', (chunk: Buffer) => {
    for (const packet of parser.push(chunk))
      received.push({ packet, at: performance.now() - started });
  });
  socket.on('end', () => (ended = true));
  socket.on('error', () => {});
  return { socket, received, serverClosed: () => ended };
}
