import type { Socket } from 'node:net';
import { clientMessages } from '../src/protocol';
import { connectLoopback } from './connectLoopback';

/** One of issue 15's part B attacks, running against a server until stopped. */
export interface Attack {
  /** Connections it holds open. */
  connections: number;
  stop(): void;
}

export interface AttackPlan {
  name: string;
  /** What it does, for the report. */
  label: string;
  /** Connections it opens: the server's caps are raised to fit, so it is measured, not refused. */
  connections: number;
  start(port: number, songId: number): Promise<Attack>;
}

const CONNECT_BATCH = 100;

/**
 * Up to `count` loopback connections, opened in batches so the listen backlog never overflows.
 * A connection the server does not accept in time is left out (the attack goes on without it).
 */
async function openSockets(port: number, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let tried = 0; tried < count;) {
    const batch = Math.min(CONNECT_BATCH, count - tried);
    tried += batch;
    const results = await Promise.allSettled(
      Array.from({ length: batch }, () => connectLoopback(port)),
    );
    for (const result of results) if (result.status === 'fulfilled') sockets.push(result.value);
  }
  if (sockets.length === 0) throw new Error(`no connection to port ${port} in ${count} tries`);
  for (const socket of sockets) socket.on('error', () => {}); // the server may drop them
  return sockets;
}

function stopAll(sockets: Socket[]): Attack {
  return {
    connections: sockets.length,
    stop: () => sockets.forEach((socket) => socket.destroy()),
  };
}

/** The attacks at the given sizes: a full run uses the sizes, quick mode smaller ones. */
export function abuseAttacks(quick: boolean): AttackPlan[] {
  const lists = quick ? 50_000 : 200_000;
  const pairs = quick ? 2_000 : 10_000;
  const idle = quick ? 200 : 2_000;
  // Issue 15 B4's target: a new client's list under 50 ms with 5,000 stalled streams.
  const stalled = quick ? 200 : 5_000;
  const empties = quick ? 200_000 : 1_000_000;
  return [
    {
      name: 'pipelined lists',
      label: `${lists} list requests in one write, replies never read`,
      connections: 1,
      async start(port) {
        const [socket] = await openSockets(port, 1);
        socket.pause();
        const pair = Buffer.concat([clientMessages.list(), clientMessages.list(true)]);
        socket.write(Buffer.concat(Array<Buffer>(lists / 2).fill(pair)));
        return stopAll([socket]);
      },
    },
    {
      name: 'play+stop flood',
      label: `${pairs} play and stop pairs in one write, never read`,
      connections: 1,
      async start(port, songId) {
        const [socket] = await openSockets(port, 1);
        socket.pause();
        const pair = Buffer.concat([clientMessages.play(songId), clientMessages.stop()]);
        socket.write(Buffer.concat(Array<Buffer>(pairs).fill(pair)));
        return stopAll([socket]);
      },
    },
    {
      name: 'idle connections',
      label: `${idle} connections that send one byte of a request, then nothing`,
      connections: idle,
      async start(port) {
        const sockets = await openSockets(port, idle);
        for (const socket of sockets) socket.write('l');
        return stopAll(sockets);
      },
    },
    {
      name: 'stalled streams',
      label: `${stalled} connections that play the long song and never read`,
      connections: stalled,
      async start(port, songId) {
        const sockets = await openSockets(port, stalled);
        for (const socket of sockets) {
          socket.pause();
          socket.write(clientMessages.play(songId));
        }
        return stopAll(sockets);
      },
    },
    {
      name: 'empty packets',
      label: `${empties} empty packets (${(empties * 6) / 1e6} MB) in one write`,
      connections: 1,
      async start(port) {
        const [socket] = await openSockets(port, 1);
        socket.write(Buffer.alloc(empties * 6, '<END;>'));
        return stopAll([socket]);
      },
    },
  ];
}
