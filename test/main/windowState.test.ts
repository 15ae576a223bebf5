import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sanitizeBounds, WindowStateFile } from '../../src/main/windowState';

vi.mock('electron', () => ({}));

describe('window state', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-window-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('saves the bounds when the window closes and restores them', async () => {
    const file = new WindowStateFile(join(dir, 'window-state.json'));
    expect(await file.load()).toBeNull();
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 40, y: 50, width: 1000, height: 700 }),
      isMaximized: () => true,
    });
    file.track(window as unknown as BrowserWindow);
    window.emit('close');
    await vi.waitFor(async () =>
      expect(await new WindowStateFile(join(dir, 'window-state.json')).load()).toEqual({
        x: 40,
        y: 50,
        width: 1000,
        height: 700,
        maximized: true,
      }),
    );
  });

  it('ignores a corrupt or absurd file', async () => {
    await writeFile(join(dir, 'window-state.json'), '{ nope');
    expect(await new WindowStateFile(join(dir, 'window-state.json')).load()).toBeNull();
    expect(sanitizeBounds({ width: 10, height: 700 })).toBeNull();
    expect(sanitizeBounds({ width: 900, height: 700, x: 'left', y: 3 })).toEqual({
      width: 900,
      height: 700,
      maximized: false,
    });
  });
});
