import { join } from 'node:path';
import { build } from 'vite';
import { cachedBuild, PROJECT_ROOT } from './cachedBuild';

/**
 * The decoder worker bundled to plain JavaScript, as the app ships it (its .ts source would
 * start through tsx in every test, about a second each); mpg123-decoder stays external and
 * resolves from the project's node_modules. Returns the worker file's path.
 */
export async function buildDecoderWorker(): Promise<string> {
  const outDir = await cachedBuild(
    'decoder-worker',
    ['src/decoder'],
    'decoderWorker.js',
    async (dir) => {
      await build({
        configFile: false,
        root: PROJECT_ROOT,
        logLevel: 'warn',
        build: {
          ssr: join(PROJECT_ROOT, 'src/decoder/decoderWorker.ts'),
          outDir: dir,
          emptyOutDir: true,
          reportCompressedSize: false,
          rollupOptions: { output: { format: 'es', entryFileNames: '[name].js' } },
        },
      });
    },
  );
  return join(outDir, 'decoderWorker.js');
}
