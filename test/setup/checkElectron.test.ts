import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts', 'checkElectron.mjs');

/** Runs the check in `cwd`, as npm runs `prestart` in the project's folder. */
function check(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const { ELECTRON_OVERRIDE_DIST_PATH: _, ...rest } = process.env;
  const run = spawnSync(process.execPath, [SCRIPT], {
    cwd,
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { code: run.status, stderr: run.stderr, stdout: run.stdout };
}

describe('the check before npm start', () => {
  let project: string;
  const electron = () => path.join(project, 'node_modules', 'electron');

  beforeEach(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'tidewave-check-'));
    await mkdir(electron(), { recursive: true });
  });
  afterEach(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('says what to do when the binary was never downloaded, and fails', () => {
    const { code, stderr } = check(project);
    expect(code).toBe(1);
    expect(stderr).toContain("Electron's binary is not installed");
    expect(stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
    expect(stderr).toContain('node node_modules/electron/install.js');
    expect(stderr).toContain('npm test');
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });

  it('fails too when the install script ran but the binary is gone', async () => {
    await writeFile(path.join(electron(), 'path.txt'), 'electron');
    expect(check(project).code).toBe(1);
  });

  it('stays silent when the binary is there', async () => {
    await writeFile(path.join(electron(), 'path.txt'), 'electron');
    await mkdir(path.join(electron(), 'dist'));
    await writeFile(path.join(electron(), 'dist', 'electron'), '');
    expect(check(project)).toEqual({ code: 0, stderr: '', stdout: '' });
  });

  it('follows ELECTRON_OVERRIDE_DIST_PATH as Electron does', async () => {
    const dist = path.join(project, 'elsewhere');
    await mkdir(dist);
    await writeFile(path.join(dist, 'electron'), '');
    expect(check(project, { ELECTRON_OVERRIDE_DIST_PATH: dist }).code).toBe(0);
  });

  it('runs before npm start and npm run dev', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.prestart).toBe('node scripts/checkElectron.mjs');
    expect(scripts.predev).toBe('node scripts/checkElectron.mjs');
  });
});
