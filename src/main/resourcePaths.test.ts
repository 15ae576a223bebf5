import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPaths, bundledMusicDir, windowIconPath } from './resourcePaths';

describe('resource paths', () => {
  const dev = { isPackaged: false, appPath: '/repo', resourcesPath: '/electron/resources' };
  const packaged = {
    isPackaged: true,
    appPath: '/opt/Tidewave/resources/app.asar',
    resourcesPath: '/opt/Tidewave/resources',
  };

  it('finds the bundled music in the repo during development', () => {
    expect(bundledMusicDir(dev)).toBe(join('/repo', 'music'));
    expect(windowIconPath(dev)).toBe(join('/repo', 'resources', 'icon.png'));
  });

  it('finds the bundled music beside app.asar when packaged', () => {
    expect(bundledMusicDir(packaged)).toBe(join('/opt/Tidewave/resources', 'music'));
    expect(windowIconPath(packaged)).toBe(join('/opt/Tidewave/resources', 'icon.png'));
  });

  it('puts the preload and renderer beside the built main process', () => {
    expect(builtPaths('/app/out/main')).toEqual({
      preload: join('/app/out/preload/index.cjs'),
      rendererDir: join('/app/out/renderer'),
    });
  });
});
