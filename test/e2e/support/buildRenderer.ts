import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { cachedBuild, PROJECT_ROOT } from './cachedBuild';

/** What Vite would pick were NODE_ENV 'production': React's production bundle and JSX calls. */
const PRODUCTION_REACT = {
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { development: false } },
};

/**
 * The renderer built as electron-vite builds it (same root, same React plugin); its folder.
 * Under vitest NODE_ENV is 'test', so this bundles React's development build, which checks more
 * and warns on the console. `production` bundles React's production build, as the shipped app
 * does: the development build keeps debug records (an Error per element for owner stacks) that a
 * memory measurement must not count.
 */
export function buildRenderer({ production = false } = {}): Promise<string> {
  // Distinct name prefixes: cachedBuild deletes older builds by prefix.
  const name = production ? 'production-renderer' : 'renderer';
  return cachedBuild(name, ['src/renderer', 'src/shared'], 'index.html', async (outDir) => {
    await build({
      configFile: false,
      root: join(PROJECT_ROOT, 'src/renderer'),
      base: './',
      plugins: [react()],
      logLevel: 'warn',
      ...(production ? PRODUCTION_REACT : {}),
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
  });
}
