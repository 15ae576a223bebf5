import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
};

// Builds the two command-line programs for the package's `bin` entries.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: {
        server: resolve(import.meta.dirname, 'src/cli/server.ts'),
        client: resolve(import.meta.dirname, 'src/cli/client.ts'),
      },
      external: [
        ...builtinModules,
        ...builtinModules.map((m) => `node:${m}`),
        ...Object.keys(pkg.dependencies),
      ],
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
