import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { cachedBuild, PROJECT_ROOT } from './cachedBuild';

/** The renderer built as electron-vite builds it (same root, same React plugin); its folder. */
export function buildRenderer(): Promise<string> {
  return cachedBuild('renderer', ['src/renderer', 'src/shared'], 'index.html', async (outDir) => {
    await build({
      configFile: false,
      root: join(PROJECT_ROOT, 'src/renderer'),
      base: './',
      plugins: [react()],
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
  });
}
