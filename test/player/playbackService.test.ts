import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SOURCE_DECODER_WORKER, WorkerDecoder } from '../../src/decoder';
import { PlaybackService } from '../../src/player';
import { DISCONNECTED } from '../../src/shared/defaults';
import type { ConnectionState } from '../../src/shared/tidewaveApi';
import { startTestServer, useTestServers, type RunningServer } from '../support/serverHarness';
import { decodeFileDirectly } from './support/directDecode';
import { StreamRecorder } from './support/streamRecorder';

describe('PlaybackService against a real server', () => {
  const servers = useTestServers();
  let running: RunningServer;
  let service: PlaybackService;

  beforeEach(async () => {
    running = await servers.start({ pacing: false });
    service = new PlaybackService();
    servers.onCleanup(() => service.dispose());
  });

  it('reports the shared DISCONNECTED state before connecting and after disconnecting', async () => {
    expect(service.getConnection()).toEqual(DISCONNECTED);
    await service.connect('127.0.0.1', running.port);
    await service.disconnect();
    expect(service.getConnection()).toEqual(DISCONNECTED);
  });

  it('connects and lists the songs with their metadata', async () => {
    const states: ConnectionState[] = [];
    service.on('connection', (state) => states.push(state));
    const state = await service.connect('127.0.0.1', running.port);
    expect(state).toMatchObject({ status: 'connected', host: '127.0.0.1', port: running.port });
    expect(state.hasMetadata).toBe(true);
    expect(states.map((s) => s.status)).toEqual(['connecting', 'connected']);
    const songs = await service.listSongs();
    expect(songs.map((s) => s.title)).toEqual(running.server.library.songs.map((s) => s.title));
    expect(songs[0].durationSeconds).toBeGreaterThan(20);
  });

  it('names the server being connected to in every state, also when switching servers', async () => {
    const other = await startTestServer({ pacing: false });
    try {
      await service.connect('127.0.0.1', running.port);
      const states: ConnectionState[] = [];
      service.on('connection', (state) => states.push(state));
      await service.connect('127.0.0.1', other.port);
      expect(states.map((s) => s.status)).toEqual(['disconnected', 'connecting', 'connected']);
      for (const state of states) {
        expect(state).toMatchObject({ host: '127.0.0.1', port: other.port, error: null });
      }
    } finally {
      await service.disconnect();
      await other.server.close();
    }
  });

  it('plays every bundled song: each sample arrives, equal to decoding the file directly', async () => {
    const recorder = new StreamRecorder(service);
    await service.connect('127.0.0.1', running.port);
    for (const song of running.server.library.songs) {
      const started = await service.play({ songId: song.id });
      expect(started).toEqual({ streamId: started.streamId, songId: song.id, startSeconds: 0 });
      await recorder.waitForEvent(started.streamId, 'ended', 15_000);

      const direct = await decodeFileDirectly(song.absolutePath);
      const samples = recorder.samplesOf(started.streamId);
      expect(direct.expectedSamples, song.title).not.toBeNull();
      expect(samples, song.title).toBe(direct.expectedSamples);
      expect(samples, song.title).toBe(direct.samples);
      // The listed duration counts the encoder's delay and padding too (41-49 ms here): < 2 frames.
      expect(Math.abs(samples / 44100 - (song.durationSeconds ?? 0)), song.title).toBeLessThan(
        (2 * 1152) / 44100,
      );
      expect(recorder.checksumOf(started.streamId), song.title).toBe(direct.checksum);
      const kinds = recorder.eventsOf(started.streamId).map((e) => e.kind);
      expect(kinds[0]).toBe('started');
      expect(kinds.at(-1)).toBe('ended');
      const chunkSeconds = recorder
        .chunksOf(started.streamId)
        .map((c) => c.channels[0].length / 44100);
      expect(Math.max(...chunkSeconds.slice(0, -1))).toBeLessThan(0.6);
    }
  });

  it('sends the cover art from the song tag as a data: URL', async () => {
    const recorder = new StreamRecorder(service);
    await service.connect('127.0.0.1', running.port);
    const { streamId } = await service.play({ songId: 0 });
    const cover = await recorder.waitForEvent(streamId, 'cover');
    expect(cover.kind === 'cover' && cover.dataUrl).toMatch(/^data:image\/png;base64,iVBOR/);
  });

  it('starts part-way into a song when asked', async () => {
    const recorder = new StreamRecorder(service);
    await service.connect('127.0.0.1', running.port);
    const song = running.server.library.songs[0];
    const { streamId, startSeconds } = await service.play({ songId: song.id, startSeconds: 20 });
    expect(startSeconds).toBe(20);
    await recorder.waitForEvent(streamId, 'ended');
    expect(recorder.secondsOf(streamId)).toBeGreaterThan((song.durationSeconds ?? 0) - 20 - 0.2);
    expect(recorder.secondsOf(streamId)).toBeLessThan((song.durationSeconds ?? 0) - 20 + 0.2);
  });

  it('stop gives a stopped event and no later chunks of that stream', async () => {
    const recorder = new StreamRecorder(service, 'never');
    await service.connect('127.0.0.1', running.port);
    const { streamId } = await service.play({ songId: 0 });
    await recorder.waitUntil(() => recorder.chunksOf(streamId).length > 0, 5000, 'first chunk');
    await service.stop();
    const stoppedAt = recorder.chunks.length;
    expect(recorder.eventsOf(streamId).at(-1)).toEqual({ kind: 'stopped', streamId });
    // A late report must not wake the stopped stream.
    service.reportBuffer(streamId, 0, recorder.secondsOf(streamId));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recorder.chunks.length).toBe(stoppedAt);
    expect(
      recorder
        .eventsOf(streamId)
        .filter((e) => e.kind !== 'cover')
        .at(-1)?.kind,
    ).toBe('stopped');
  });

  it('switches songs at once: the old stream stops, the new one plays whole', async () => {
    const recorder = new StreamRecorder(service);
    await service.connect('127.0.0.1', running.port);
    const first = await service.play({ songId: 0 });
    await recorder.waitUntil(() => recorder.chunksOf(first.streamId).length > 2, 5000, 'chunks');
    const second = await service.play({ songId: 2 });
    const firstCount = recorder.chunksOf(first.streamId).length;
    expect(second.streamId).toBeGreaterThan(first.streamId);
    expect(recorder.eventsOf(first.streamId).map((e) => e.kind)).toContain('stopped');
    await recorder.waitForEvent(second.streamId, 'ended', 15_000);
    expect(recorder.chunksOf(first.streamId).length).toBe(firstCount);
    const direct = await decodeFileDirectly(running.server.library.songs[2].absolutePath);
    expect(recorder.checksumOf(second.streamId)).toBe(direct.checksum);
  });

  it('reports an unknown song as a stream error and keeps the connection', async () => {
    const recorder = new StreamRecorder(service);
    await service.connect('127.0.0.1', running.port);
    const { streamId } = await service.play({ songId: 99 });
    const event = await recorder.waitForEvent(streamId, 'error');
    expect(event).toEqual({ kind: 'error', streamId, message: 'Unknown song 99' });
    expect(service.getConnection().status).toBe('connected');
    expect((await service.listSongs()).length).toBe(3);
  });

  it('says so when the server goes away mid-song', async () => {
    const paced = await servers.start(); // paced: the song is still streaming when it dies
    const recorder = new StreamRecorder(service);
    await service.connect('127.0.0.1', paced.port);
    await running.server.close();
    running = paced;
    const { streamId } = await service.play({ songId: 0 });
    await recorder.waitUntil(() => recorder.chunksOf(streamId).length > 0, 5000, 'first chunk');
    await running.server.close();
    await recorder.waitUntil(() => service.getConnection().status === 'error', 5000, 'error');
    expect(service.getConnection().error).toBe('The server closed the connection');
    const event = await recorder.waitForEvent(streamId, 'error');
    expect(event).toMatchObject({ message: 'The server closed the connection' });
    await expect(service.listSongs()).rejects.toThrow('Not connected to a server');
  });

  it('replaces a decoder that died, so the next song plays', async () => {
    const made: WorkerDecoder[] = [];
    await service.dispose();
    service = new PlaybackService({
      createDecoder: () => {
        made.push(new WorkerDecoder(SOURCE_DECODER_WORKER));
        return made[made.length - 1];
      },
    });
    const recorder = new StreamRecorder(service);
    await service.connect('127.0.0.1', running.port);
    const first = await service.play({ songId: 0 });
    await recorder.waitUntil(() => recorder.chunksOf(first.streamId).length > 0, 5000, 'audio');
    await made[0].terminate(); // as if the worker had crashed
    const failure = await recorder.waitForEvent(first.streamId, 'error');
    expect(failure).toMatchObject({ message: 'The decoder has been terminated' });
    const second = await service.play({ songId: 1 });
    await recorder.waitForEvent(second.streamId, 'ended', 15_000);
    expect(made).toHaveLength(2);
    const direct = await decodeFileDirectly(running.server.library.songs[1].absolutePath);
    expect(recorder.checksumOf(second.streamId)).toBe(direct.checksum);
  });

  it('disconnects with a quit the server acknowledges', async () => {
    await service.connect('127.0.0.1', running.port);
    expect(await service.disconnect()).toEqual({ quitAcknowledged: true });
    expect(service.getConnection().status).toBe('disconnected');
    await expect(service.play({ songId: 0 })).rejects.toThrow('Not connected to a server');
  });
});

describe('PlaybackService failures', () => {
  let service: PlaybackService;
  beforeEach(() => {
    service = new PlaybackService({ listTimeoutMs: 500 });
  });
  afterEach(() => service.dispose());

  it('explains a refused connection', async () => {
    const port = await closedPort();
    await expect(service.connect('127.0.0.1', port)).rejects.toThrow(
      `Cannot connect to 127.0.0.1:${port}: connection refused`,
    );
    expect(service.getConnection()).toMatchObject({
      status: 'error',
      error: `Cannot connect to 127.0.0.1:${port}: connection refused`,
    });
  });

  it('gives up on a peer that never answers the song list', async () => {
    const silent = createServer((socket) => socket.resume()); // reads, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      await expect(service.connect('127.0.0.1', port)).rejects.toThrow(
        'The server did not answer the list request in time',
      );
      expect(service.getConnection().status).toBe('error');
    } finally {
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('reports a song that is not MP3 audio as undecodable', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tidewave-player-'));
    const garbage = Buffer.alloc(60_000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff;
    await writeFile(join(folder, 'noise.mp3'), garbage);
    const running = await startTestServer({ folder, pacing: false });
    try {
      const recorder = new StreamRecorder(service);
      await service.connect('127.0.0.1', running.port);
      const { streamId } = await service.play({ songId: 0 });
      const event = await recorder.waitForEvent(streamId, 'error');
      expect(event).toMatchObject({ message: 'Could not decode this song' });
      expect(recorder.chunksOf(streamId)).toHaveLength(0);
    } finally {
      await service.disconnect();
      await running.server.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
