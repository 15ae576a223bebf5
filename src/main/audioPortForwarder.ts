import { MessageChannelMain, type MessagePortMain, type WebContents } from 'electron';
import type { PlaybackService } from '../player';
import { IpcPort } from '../shared/ipcChannels';
import type { AudioChunk } from '../shared/tidewaveApi';

/**
 * Carries decoded audio to the renderer over a MessagePort instead of ipc events: one port per
 * page load, handed over on IpcPort.onAudio; each chunk is one message.
 */
export class AudioPortForwarder {
  private port: MessagePortMain | null = null;
  private readonly onAudio = (chunk: AudioChunk) => this.port?.postMessage(chunk);

  constructor(private readonly playback: Pick<PlaybackService, 'on' | 'off'>) {
    playback.on('audio', this.onAudio);
  }

  /** Gives `webContents` a fresh port after every load (a reload drops the old one). */
  attach(webContents: WebContents): void {
    webContents.on('did-finish-load', () => this.openPort(webContents));
    webContents.once('destroyed', () => this.closePort());
  }

  dispose(): void {
    this.playback.off('audio', this.onAudio);
    this.closePort();
  }

  private openPort(webContents: WebContents): void {
    this.closePort();
    const { port1, port2 } = new MessageChannelMain();
    webContents.postMessage(IpcPort.onAudio, null, [port2]);
    this.port = port1;
  }

  private closePort(): void {
    this.port?.close();
    this.port = null;
  }
}
