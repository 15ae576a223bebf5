import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow } from 'electron';
import { JsonFile } from '../settings/jsonFile';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'
>;

/**
 * The window's last size and place, kept in userData/window-state.json. Written synchronously:
 * the last save happens while the app quits, when an asynchronous write could still be pending
 * as the process exits. The file is a few dozen bytes, so the main thread hardly notices.
 */
export class WindowStateFile {
  private readonly file: JsonFile;
  private window: TrackedWindow | null = null;
  private latest: WindowBounds | null = null;
  private written = '';

  constructor(
    readonly path: string,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.file = new JsonFile(path);
  }

  async load(): Promise<WindowBounds | null> {
    const content = await this.file.read();
    return content.kind === 'ok' ? sanitizeBounds(content.value) : null;
  }

  /** Follows `window` (replacing any earlier one) and saves its bounds when it closes. */
  track(window: TrackedWindow): void {
    this.window = window;
    window.on('close', () => {
      this.capture(window);
      this.save();
    });
  }

  /**
   * Writes the window's bounds now, read from the window while it exists (the quit path calls
   * this before any window closes), else the last ones seen. Never throws.
   */
  save(): void {
    if (this.window && !this.window.isDestroyed()) this.capture(this.window);
    if (!this.latest) return;
    const text = `${JSON.stringify(this.latest, null, 2)}\n`;
    if (text === this.written) return;
    try {
      writeFileAtomicallySync(this.path, text);
      this.written = text;
    } catch (error) {
      this.log(`Could not save the window's size and place: ${String(error)}`);
    }
  }

  private capture(window: TrackedWindow): void {
    if (window.isDestroyed()) return;
    const { x, y, width, height } = window.getNormalBounds();
    this.latest = { x, y, width, height, maximized: window.isMaximized() };
  }
}

/** A temporary file renamed over the old one, so a crash never leaves half a file. */
function writeFileAtomicallySync(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export function sanitizeBounds(value: unknown): WindowBounds | null {
  const v = value as Partial<Record<keyof WindowBounds, unknown>> | null;
  const size = (n: unknown) =>
    Number.isInteger(n) && (n as number) >= 200 && (n as number) <= 20_000;
  const place = (n: unknown) => Number.isInteger(n) && Math.abs(n as number) <= 50_000;
  if (!v || !size(v.width) || !size(v.height)) return null;
  const bounds: WindowBounds = {
    width: v.width as number,
    height: v.height as number,
    maximized: v.maximized === true,
  };
  if (place(v.x) && place(v.y)) Object.assign(bounds, { x: v.x, y: v.y });
  return bounds;
}
