import type { BrowserWindow } from 'electron';
import { JsonFile } from '../player/jsonFile';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** The window's last size and place, kept in userData/window-state.json. */
export class WindowStateFile {
  private readonly file: JsonFile;

  constructor(path: string) {
    this.file = new JsonFile(path);
  }

  async load(): Promise<WindowBounds | null> {
    const content = await this.file.read();
    return content.kind === 'ok' ? sanitizeBounds(content.value) : null;
  }

  /** Saves the bounds whenever the window closes. */
  track(window: BrowserWindow): void {
    window.on('close', () => {
      const { x, y, width, height } = window.getNormalBounds();
      void this.file.write({ x, y, width, height, maximized: window.isMaximized() });
    });
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
