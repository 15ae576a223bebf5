import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A stand-in for an unpacked Electron distribution, for `electron-builder -c.electronDist=…`:
 * electron-builder copies it, renames `electron` to the app's executable and adds resources/.
 * That is enough to produce and inspect app.asar offline. It must not hold a
 * resources/default_app.asar (an empty one breaks packaging).
 */
export async function makeElectronStandIn(dir: string, electronVersion: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const executable = join(dir, 'electron');
  await writeFile(executable, '#!/bin/sh\necho "stand-in for the Electron binary" >&2\nexit 1\n');
  await chmod(executable, 0o755);
  await writeFile(join(dir, 'version'), electronVersion);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for the Electron distribution used in tests.\n');
}
