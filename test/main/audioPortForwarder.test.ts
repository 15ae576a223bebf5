import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IpcPort } from '../../src/shared/ipcChannels';
import type { AudioChunk } from '../../src/shared/tidewaveApi';

vi.mock('electron', () => {
  class Port {
    readonly messages: unknown[] = [];
    closed = false;
    postMessage(message: unknown) {
      if (!this.closed) this.messages.push(message);
    }
    close() {
      this.closed = true;
    }
  }
  class MessageChannelMain {
    readonly port1 = new Port();
    readonly port2 = new Port();
  }
  return { MessageChannelMain };
});

const { AudioPortForwarder } = await import('../../src/main/audioPortForwarder');

interface FakePort {
  messages: unknown[];
  closed: boolean;
}

function fakeWebContents() {
  const posted: Array<{ channel: string; ports: FakePort[] }> = [];
  const webContents = Object.assign(new EventEmitter(), {
    postMessage: (channel: string, _message: unknown, ports: FakePort[]) =>
      void posted.push({ channel, ports }),
  });
  return { webContents: webContents as unknown as WebContents & EventEmitter, posted };
}

const chunk = (streamId: number): AudioChunk => ({
  streamId,
  sampleRate: 44100,
  channels: [new Float32Array([0.1, 0.2]), new Float32Array([0.3, 0.4])],
});

describe('AudioPortForwarder', () => {
  it('hands the page a port after each load and sends audio chunks through it', () => {
    const playback = new EventEmitter();
    const forwarder = new AudioPortForwarder(playback as never);
    const { webContents, posted } = fakeWebContents();
    forwarder.attach(webContents);
    playback.emit('audio', chunk(1)); // before the page loaded: nowhere to go
    webContents.emit('did-finish-load');
    expect(posted).toHaveLength(1);
    expect(posted[0].channel).toBe(IpcPort.onAudio);
    expect(posted[0].ports).toHaveLength(1);

    playback.emit('audio', chunk(2));
    // Our end of the channel is the sibling of the port we handed over.
    const ours = (forwarder as unknown as { port: FakePort }).port;
    expect(ours.messages).toEqual([chunk(2)]);

    webContents.emit('did-finish-load'); // a reload: a fresh port, the old one closed
    expect(posted).toHaveLength(2);
    expect(ours.closed).toBe(true);
    forwarder.dispose();
    expect(playback.listenerCount('audio')).toBe(0);
  });
});
