import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeAudio, encodeEvent } from './bridgeFrames';
import { BridgeRoutes } from './bridgeRoutes';
import { EventChannel } from './eventChannel';
import { FRAME_READER_SOURCE } from './frameReaderSource';

type Dispatch = (kind: string, payload: unknown) => void;
type FrameReader = (bytes: Uint8Array) => void;

/** The page's own reader, run here from the same source text. */
function pageReader(dispatch: Dispatch): FrameReader {
  const make = new Function(`return ${FRAME_READER_SOURCE};`)() as (d: Dispatch) => FrameReader;
  return make(dispatch);
}

function sine(frames: number, phase: number): Float32Array {
  return Float32Array.from({ length: frames }, (_, i) => Math.sin(i / 7 + phase));
}

describe('the bridge frames, read by the page reader', () => {
  it('carries events and audio exactly, in order, however the bytes are split', () => {
    const left = sine(2205, 0);
    const right = sine(2205, 1);
    const mono = sine(11, 2);
    const bytes = Buffer.concat([
      encodeEvent('stream', { kind: 'started', streamId: 3, songId: 9 }),
      encodeAudio({ streamId: 3, sampleRate: 44100, channels: [left, right] }),
      encodeEvent('connection', { status: 'connected', text: 'ünïcode ✓' }),
      encodeAudio({ streamId: 4, sampleRate: 8000, channels: [mono] }),
    ]);
    for (const step of [3, 7, 64, 4096, bytes.length]) {
      const seen: Array<[string, unknown]> = [];
      const read = pageReader((kind, payload) => seen.push([kind, payload]));
      for (let at = 0; at < bytes.length; at += step) {
        read(new Uint8Array(bytes.subarray(at, at + step)));
      }
      expect(seen.map(([kind]) => kind)).toEqual(['stream', 'audio', 'connection', 'audio']);
      expect(seen[0][1]).toEqual({ kind: 'started', streamId: 3, songId: 9 });
      expect(seen[1][1]).toEqual({ streamId: 3, sampleRate: 44100, channels: [left, right] });
      expect(seen[2][1]).toEqual({ status: 'connected', text: 'ünïcode ✓' });
      expect(seen[3][1]).toEqual({ streamId: 4, sampleRate: 8000, channels: [mono] });
    }
  });

  it('refuses channels of different lengths', () => {
    expect(() =>
      encodeAudio({ streamId: 1, sampleRate: 44100, channels: [sine(4, 0), sine(5, 0)] }),
    ).toThrow(/different lengths/);
  });
});

describe('the event channel on a real socket', () => {
  let server: Server | null = null;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = null;
  });

  it('holds events until the page listens, then streams them in order to the current load', async () => {
    const routes = new BridgeRoutes();
    const channel = new EventChannel();
    const route = routes.add((req, res, rest) => {
      if (rest === 'events') channel.attach(req, res);
      else res.writeHead(404).end();
    });
    server = createServer((req, res) => {
      if (!routes.handle(new URL(req.url ?? '/', 'http://x').pathname, req, res)) {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    channel.send(encodeEvent('mediaKey', 'stop')); // before anyone listens
    expect(channel.mark).toBeNull();

    const seen: Array<[string, unknown]> = [];
    const read = pageReader((kind, payload) => seen.push([kind, payload]));
    const got = new Promise<void>((resolve, reject) => {
      const get = request({ port, host: '127.0.0.1', path: `${route.prefix}events` }, (res) => {
        expect(res.headers['content-type']).toBe('application/octet-stream');
        res.on('data', (bytes: Buffer) => {
          read(new Uint8Array(bytes));
          if (seen.length === 2) resolve();
        });
      });
      get.on('error', reject);
      get.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    channel.send(encodeAudio({ streamId: 1, sampleRate: 44100, channels: [sine(300, 0)] }));
    await got;
    expect(seen.map(([kind]) => kind)).toEqual(['mediaKey', 'audio']);
    expect(channel.mark).toEqual({ load: 1, frames: 2 });

    // An unknown token is refused; a removed route too.
    const status = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const get = request({ port, host: '127.0.0.1', path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        get.on('error', reject);
        get.end();
      });
    expect(await status('/__twbridge/not-a-token/events')).toBe(404);
    route.remove();
    expect(await status(`${route.prefix}events`)).toBe(404);
    channel.close();
  });
});
