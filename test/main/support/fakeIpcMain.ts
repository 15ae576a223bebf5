import { EventEmitter } from 'node:events';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** Records what main registers on ipcMain and lets a test call it as the renderer would. */
export class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  readonly listeners = new Map<string, Handler[]>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  on(channel: string, listener: Handler): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }

  removeListener(channel: string, listener: Handler): this {
    this.listeners.set(
      channel,
      (this.listeners.get(channel) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  /** ipcRenderer.invoke from `sender`. */
  async invoke(sender: unknown, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender }, ...args);
  }

  /** ipcRenderer.send from `sender`. */
  send(sender: unknown, channel: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender }, ...args);
  }
}

/** A window whose webContents records what main sends it. */
export function fakeWindow() {
  const sent: Array<[string, unknown]> = [];
  const webContents = Object.assign(new EventEmitter(), {
    send: (channel: string, payload: unknown) => void sent.push([channel, payload]),
  });
  return { window: { webContents, isDestroyed: () => false }, sent };
}
