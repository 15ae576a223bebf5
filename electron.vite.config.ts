import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, devServerPolicy } from './src/main/contentSecurityPolicy';

/** In `npm run dev` only, lets Vite inject its <style> elements (see devServerPolicy). */
const devServerCsp: Plugin = {
  name: 'tidewave-dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(CONTENT_SECURITY_POLICY, devServerPolicy(CONTENT_SECURITY_POLICY)),
};

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), devServerCsp],
    build: {
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
      },
    },
  },
});
