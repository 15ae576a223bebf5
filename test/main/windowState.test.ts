import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sanitizeBounds, WindowStateFile, type TrackedWindow } from '../../src/main/windowState';

vi.mock('electron', () => ({}));

/** A window whose bounds the test moves; `destroy()` is what closing it ends with. */
function fakeWindow(bounds = { x: 40, y: 50, width: 1000, height: 700 }, maximized = false) {
  let destroyed = false;
  const window = Object.assign(new EventEmitter(), {
    bounds,
    maximized,
    getNormalBounds: () => window.bounds,
    isMaximized: () => window.maximized,
    isDestroyed: () => destroyed,
    destroy: () => void (destroyed = true),
  });
  return window;
}

describe('window state', () => {
  let dir: string;
  let path: string;
  const onDisk = () => JSON.parse(readFileSync(path, 'utf8')) as unknown;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-window-'));
    path = join(dir, 'window-state.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('saves the bounds before the window closes, at once, and restores them', async () => {
    const file = new WindowStateFile(path);
    expect(await file.load()).toBeNull();
    const window = fakeWindow({ x: 40, y: 50, width: 1000, height: 700 }, true);
    file.track(window as unknown as TrackedWindow);
    window.emit('close');
    // Read back synchronously: nothing is left pending for an exiting process to lose.
    expect(onDisk()).toEqual({ x: 40, y: 50, width: 1000, height: 700, maximized: true });
    window.destroy();
    expect(await new WindowStateFile(path).load()).toEqual({
      x: 40,
      y: 50,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('saves the live bounds on demand, and the last ones seen once the window is gone', () => {
    const file = new WindowStateFile(path);
    file.save(); // no window yet: nothing to write
    expect(existsSync(path)).toBe(false);
    const window = fakeWindow();
    file.track(window as unknown as TrackedWindow);
    window.bounds = { x: 300, y: 200, width: 900, height: 600 };
    file.save();
    expect(onDisk()).toEqual({ x: 300, y: 200, width: 900, height: 600, maximized: false });
    window.emit('close');
    window.destroy();
    file.save();
    expect(onDisk()).toEqual({ x: 300, y: 200, width: 900, height: 600, maximized: false });
  });

  it('follows the newest window', () => {
    const file = new WindowStateFile(path);
    const first = fakeWindow({ x: 1, y: 1, width: 800, height: 600 });
    file.track(first as unknown as TrackedWindow);
    first.emit('close');
    first.destroy();
    const second = fakeWindow({ x: 2, y: 2, width: 900, height: 650 });
    file.track(second as unknown as TrackedWindow);
    file.save();
    expect(onDisk()).toEqual({ x: 2, y: 2, width: 900, height: 650, maximized: false });
  });

  it('logs a failed write instead of throwing', async () => {
    await mkdir(path); // a folder where the file should go
    const log = vi.fn();
    const file = new WindowStateFile(path, log);
    const window = fakeWindow();
    file.track(window as unknown as TrackedWindow);
    expect(() => window.emit('close')).not.toThrow();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Could not save'));
    expect(await readdir(dir)).toEqual(['window-state.json']); // no temporary file left
  });

  it('ignores a corrupt or absurd file', async () => {
    await writeFile(path, '{ nope');
    expect(await new WindowStateFile(path).load()).toBeNull();
    expect(sanitizeBounds({ width: 10, height: 700 })).toBeNull();
    expect(sanitizeBounds({ width: 900, height: 700, x: 'left', y: 3 })).toEqual({
      width: 900,
      height: 700,
      maximized: false,
    });
  });
});
