import { createServer } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { SOURCE_DECODER_WORKER, WorkerDecoder } from '../../src/decoder';
import { PlaybackService } from '../../src/player';
import { useTestServers, type RunningServer } from '../support/serverHarness';
import { StreamRecorder } from './support/streamRecorder';

/** A port with nothing listening on it: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('PlaybackService decoder start', () => {
  const servers = useTestServers();
  let running: RunningServer;
  let service: PlaybackService;
  let made: WorkerDecoder[];

  beforeEach(async () => {
    running = await servers.start({ pacing: false });
    made = [];
    service = new PlaybackService({
      connectTimeoutMs: 2000,
      createDecoder: () => {
        made.push(new WorkerDecoder(SOURCE_DECODER_WORKER));
        return made[made.length - 1];
      },
    });
    servers.onCleanup(() => service.dispose());
  });

  it('starts the decoder when connected, and the first play uses it', async () => {
    await service.connect('127.0.0.1', running.port);
    expect(made).toHaveLength(1); // before any click: the first play does not wait for it
    const recorder = new StreamRecorder(service);
    const { streamId } = await service.play({ songId: 0 });
    await recorder.waitUntil(() => recorder.chunksOf(streamId).length > 0, 10_000, 'audio');
    expect(made).toHaveLength(1);
  });

  it('starts none when the connection fails', async () => {
    await expect(service.connect('127.0.0.1', await closedPort())).rejects.toThrow(/connect/);
    expect(made).toHaveLength(0);
  });
});
