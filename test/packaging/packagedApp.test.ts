/**
 * Offline proof of the build and the installers' contents: builds the app with electron-vite in a
 * staged copy of the checkout, packages it with electron-builder (`--linux dir`, a stand-in for
 * the Electron binary), then opens the resulting app.asar.
 */
import { listPackage } from '@electron/asar';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFunction } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeElectronStandIn } from './electronStandIn';
import { findCssUrls, findHtmlReferences, readCspMeta } from './htmlReferences';
import { findModuleReferences, isRelative, packageNameOf } from './moduleReferences';
import { productionDependencyDirs } from './productionDependencies';
import { runNodeTool } from './runNodeTool';
import { stageProject } from './stageProject';
import { builtPaths, bundledMusicDir, windowIconPath } from '../../src/main/resourcePaths';
import { readPngHeader } from './iconContainers';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_TIMEOUT_MS = 150_000;

interface PackageJson {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

let stage = '';
let project = '';
let unpacked = '';
let asarEntries: string[] = [];
let builderOutput = '';
let pkg: PackageJson;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

beforeAll(async () => {
  stage = await mkdtemp(join(tmpdir(), 'tidewave-packaging-'));
  project = join(stage, 'project');
  await mkdir(project);
  await stageProject(REPO, project);
  pkg = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as PackageJson;

  const electronVite = join('node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  await runNodeTool(project, electronVite, ['build'], BUILD_TIMEOUT_MS);

  const electronVersion = JSON.parse(
    await readFile(join(project, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version as string;
  const standIn = join(stage, 'electron-dist');
  await makeElectronStandIn(standIn, electronVersion);
  const output = join(stage, 'dist');
  const builder = join('node_modules', 'electron-builder', 'cli.js');
  ({ output: builderOutput } = await runNodeTool(
    project,
    builder,
    [
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${output}`,
    ],
    BUILD_TIMEOUT_MS,
  ));
  unpacked = join(output, 'linux-unpacked');
  asarEntries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map(
    (entry) => entry.split(sep).join('/'),
  );
}, 2 * BUILD_TIMEOUT_MS);

afterAll(async () => {
  if (stage) await rm(stage, { recursive: true, force: true });
});

describe('electron-vite build output', () => {
  it('the main entry and everything it reaches exist; bare imports are builtins, electron or dependencies', async () => {
    const out = join(project, 'out');
    const entry = join(project, pkg.main);
    expect(relative(out, entry).split(sep).join('/')).toBe('main/index.js');
    const allowed = new Set([...builtinModules, 'electron', ...Object.keys(pkg.dependencies)]);
    const seen = new Set<string>();
    const pending = [entry];
    const bare = new Set<string>();
    while (pending.length > 0) {
      const file = pending.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(existsSync(file), `${relative(project, file)} is imported but missing`).toBe(true);
      if (!/\.(c|m)?js$/.test(file)) continue; // a folder or asset the code points at
      for (const { specifier } of findModuleReferences(await readFile(file, 'utf8'))) {
        if (isRelative(specifier)) pending.push(join(dirname(file), specifier.split(/[?#]/)[0]));
        else bare.add(specifier);
      }
    }
    for (const specifier of bare) {
      const name = specifier.startsWith('node:') ? specifier.slice(5) : packageNameOf(specifier);
      expect(allowed, `out/main imports '${specifier}'`).toContain(name);
    }
    expect(bare).toContain('electron');
    // Every file of out/main is reached from the entry (the decoder worker through its path).
    const mainFiles = (await listFiles(join(out, 'main'))).filter((f) => f.endsWith('.js'));
    const reached = [...seen].map((file) => relative(join(out, 'main'), file).split(sep).join('/'));
    expect(reached.sort()).toEqual(expect.arrayContaining(mainFiles));
  });

  it('the preload is one CommonJS file that requires only what a sandboxed preload may', async () => {
    const code = await readFile(join(project, 'out', 'preload', 'index.cjs'), 'utf8');
    // compileFunction parses the file as a CommonJS module body: import/export would not parse.
    expect(() =>
      compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname']),
    ).not.toThrow();
    const required = findModuleReferences(code).map((ref) => ref.specifier);
    const sandboxModules = [
      'electron',
      'events',
      'timers',
      'url',
      'node:events',
      'node:timers',
      'node:url',
    ];
    for (const specifier of required)
      expect(sandboxModules, `preload requires '${specifier}'`).toContain(specifier);
    expect(required).toContain('electron');
  });

  it('the renderer page loads only files that exist, under a strict Content-Security-Policy', async () => {
    const root = join(project, 'out', 'renderer');
    const html = await readFile(join(root, 'index.html'), 'utf8');
    const references = findHtmlReferences(html);
    expect(references.some((ref) => ref.endsWith('.js'))).toBe(true);
    const fileOf = (from: string, ref: string) =>
      ref.startsWith('/') ? join(root, ref) : join(from, ref.split(/[?#]/)[0]);
    // Inline data: URIs load nothing; any other scheme, or //host, would be remote content.
    for (const ref of references.filter((r) => !r.startsWith('data:'))) {
      expect(ref, 'remote content').not.toMatch(/^([a-z][a-z0-9+.-]*:|\/\/)/i);
      const file = fileOf(root, ref);
      expect(existsSync(file), `index.html references missing ${ref}`).toBe(true);
      if (file.endsWith('.css')) {
        for (const url of findCssUrls(await readFile(file, 'utf8'))) {
          expect(existsSync(fileOf(dirname(file), url)), `${ref} references missing ${url}`).toBe(
            true,
          );
        }
      }
    }
    const csp = readCspMeta(html);
    expect(csp, 'a Content-Security-Policy meta tag').not.toBeNull();
    expect(csp?.get('default-src')).toEqual(["'self'"]);
    expect(csp?.get('script-src')).toEqual(["'self'"]);
    expect(csp?.get('object-src')).toEqual(["'none'"]);
    expect(csp?.get('base-uri')).toEqual(["'none'"]);
  });
});

describe('app.asar made by electron-builder', () => {
  it('packaged offline, without downloading anything', async () => {
    expect(builderOutput).not.toMatch(/download/i);
    expect((await stat(join(unpacked, 'tidewave'))).mode & 0o111).not.toBe(0);
  });

  it('holds the build output exactly, package.json, and nothing else of the checkout', async () => {
    const built = (await listFiles(join(project, 'out'))).filter((f) => !f.endsWith('.map'));
    const packedFiles = asarEntries.filter((e) => e.startsWith('/out/') && /\.[^/]+$/.test(e));
    expect(packedFiles.map((e) => e.slice('/out/'.length)).sort()).toEqual(built.sort());
    const topLevel = new Set(asarEntries.map((e) => e.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const outDirs = new Set(
      asarEntries.filter((e) => e.startsWith('/out/')).map((e) => e.split('/')[2]),
    );
    expect([...outDirs].sort()).toEqual(['main', 'preload', 'renderer']);
    const sources = asarEntries.filter(
      (e) => !e.startsWith('/node_modules/') && /\.(ts|tsx|mts|cts)$/.test(e),
    );
    expect(sources).toEqual([]);
  });

  it('its node_modules are exactly the runtime dependencies, with no dev tooling', () => {
    const packages = new Set(
      asarEntries
        .filter((e) => e.endsWith('/package.json') && e.startsWith('/node_modules/'))
        .map((e) => e.slice(1, -'/package.json'.length))
        // package.json files deeper inside a package (e.g. dist/esm/package.json) are not packages.
        .filter((dir) => /^(node_modules\/(@[^/]+\/)?[^/]+\/?)+$/.test(dir) && !dir.endsWith('/')),
    );
    // By name: electron-builder may hoist a package the lock nests (an `overrides` pin does).
    const names = (dirs: Iterable<string>) =>
      [...new Set([...dirs].map((dir) => dir.replace(/^(.*\/)?node_modules\//, '')))].sort();
    expect(names(packages)).toEqual(names(productionDependencyDirs(project)));
    for (const name of ['music-metadata', 'mpg123-decoder', 'commander']) {
      expect(packages).toContain(`node_modules/${name}`);
    }
    for (const tool of [
      ...Object.keys(pkg.devDependencies),
      'esbuild',
      'rollup',
      'app-builder-lib',
    ]) {
      expect(packages, `dev tool ${tool} in app.asar`).not.toContain(`node_modules/${tool}`);
    }
  });

  it('resolves every package the main process imports, and the entry package.json names', async () => {
    const entries = new Set(asarEntries);
    expect(entries).toContain(`/${pkg.main.replace(/^\.\//, '')}`);
    const mainFiles = (await listFiles(join(project, 'out', 'main'))).filter((f) =>
      f.endsWith('.js'),
    );
    for (const file of mainFiles) {
      const code = await readFile(join(project, 'out', 'main', file), 'utf8');
      for (const { specifier } of findModuleReferences(code)) {
        const name = packageNameOf(specifier);
        if (isRelative(specifier) || specifier.startsWith('node:') || builtinModules.includes(name))
          continue;
        if (name === 'electron') continue;
        expect(entries, `${file} imports ${specifier}`).toContain(
          `/node_modules/${name}/package.json`,
        );
      }
    }
  });
});

describe('packaged resources', () => {
  it('resources/music holds the bundled library, byte for byte the same size', async () => {
    const bundled = (await readdir(join(REPO, 'music'))).filter((n) => n.endsWith('.mp3')).sort();
    expect(bundled.length).toBeGreaterThan(0);
    const packaged = (await readdir(join(unpacked, 'resources', 'music')))
      .filter((n) => n.endsWith('.mp3'))
      .sort();
    expect(packaged).toEqual(bundled);
    for (const name of bundled) {
      const [source, copy] = await Promise.all([
        stat(join(REPO, 'music', name)),
        stat(join(unpacked, 'resources', 'music', name)),
      ]);
      expect(copy.size, name).toBe(source.size);
    }
    expect(asarEntries.some((e) => e.endsWith('.mp3'))).toBe(false);
  });
});

describe('resource paths (src/main/resourcePaths.ts) in both layouts', () => {
  const mp3sIn = async (dir: string) =>
    (await readdir(dir)).filter((n) => n.endsWith('.mp3')).sort();

  it('packaged: the bundled music and the window icon are found beside app.asar', async () => {
    const resourcesPath = join(unpacked, 'resources');
    const layout = { isPackaged: true, resourcesPath, appPath: join(resourcesPath, 'app.asar') };
    expect(await mp3sIn(bundledMusicDir(layout))).toEqual(await mp3sIn(join(REPO, 'music')));
    const icon = readPngHeader(await readFile(windowIconPath(layout)));
    expect(icon).toMatchObject({ width: 512, height: 512 });
  });

  it('development: the bundled music and the window icon are found in the checkout', async () => {
    const layout = { isPackaged: false, appPath: REPO, resourcesPath: join(stage, 'no-such-dir') };
    expect((await mp3sIn(bundledMusicDir(layout))).length).toBeGreaterThan(0);
    expect(existsSync(windowIconPath(layout))).toBe(true);
  });

  it('the preload and renderer sit where the built main process looks, in out/ and in app.asar', () => {
    const built = builtPaths(join(project, 'out', 'main'));
    expect(existsSync(built.preload)).toBe(true);
    expect(existsSync(join(built.rendererDir, 'index.html'))).toBe(true);
    const packed = builtPaths('/out/main');
    expect(asarEntries).toContain(packed.preload);
    expect(asarEntries).toContain(`${packed.rendererDir}/index.html`);
  });
});
