import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createLibraryServer, type LibraryServer } from '../../../src/server';
import { BridgeRoutes } from './bridgeRoutes';
import { buildDecoderWorker } from './buildDecoderWorker';
import { buildRenderer } from './buildRenderer';
import { CHROMIUM_PATH, launchChromium, type LaunchedChromium } from './launchChromium';
import { serveFolder, type StaticServer } from './staticServer';

export const MUSIC_DIR = resolve(import.meta.dirname, '../../../music');
export const RESULTS_DIR = resolve(import.meta.dirname, '../../../test-results');

export interface E2eEnvironment {
  context: BrowserContext;
  appUrl: string;
  /** The bundled decoder worker, as the app ships it. */
  decoderWorkerPath: string;
  /** The test bridges' paths on the renderer's own origin (see bridgeRoutes.ts). */
  bridgeRoutes: BridgeRoutes;
  close(): Promise<void>;
}

export interface E2eOptions {
  /** Bundle React's production build, as the app ships (see buildRenderer). */
  productionReact?: boolean;
}

/**
 * Builds the renderer and the decoder worker (cached across files), serves the renderer on
 * loopback and starts Chromium: once per test file.
 */
export async function startE2eEnvironment(options: E2eOptions = {}): Promise<E2eEnvironment> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install chromium)`,
    );
  }
  const [outDir, decoderWorkerPath] = await Promise.all([
    buildRenderer({ production: options.productionReact }),
    buildDecoderWorker(),
  ]);
  let web: StaticServer | null = null;
  let chromium: LaunchedChromium | null = null;
  const bridgeRoutes = new BridgeRoutes();
  try {
    web = await serveFolder(outDir, bridgeRoutes);
    chromium = await launchChromium();
  } catch (error) {
    await web?.close();
    throw error;
  }
  const opened = { web, chromium };
  return {
    context: chromium.context,
    appUrl: web.url,
    decoderWorkerPath,
    bridgeRoutes,
    async close() {
      await opened.chromium.close();
      await opened.web.close();
    },
  };
}

/** A real library server on 127.0.0.1 (port 0 unless given). */
export async function startMusicServer(
  options: { folder?: string; port?: number; pacing?: false } = {},
): Promise<{ server: LibraryServer; port: number }> {
  const server = await createLibraryServer({
    folder: options.folder ?? MUSIC_DIR,
    host: '127.0.0.1',
    port: options.port ?? 0,
    ...(options.pacing === false ? { pacing: false } : {}),
    log: () => undefined,
  });
  const { port } = await server.listen();
  return { server, port };
}

/** Page errors and console errors, minus the one warning every meta-CSP page gets. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.includes("'frame-ancestors' is ignored")) {
      errors.push(`console: ${text}`);
    }
  });
  return errors;
}

/** Fills the connection bar and presses Connect, like a person would. */
export async function connectTo(page: Page, port: number): Promise<void> {
  await page.getByRole('textbox', { name: 'Server host' }).fill('127.0.0.1');
  await page.getByRole('textbox', { name: 'Server port' }).fill(String(port));
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Connected/ })
    .waitFor();
}
