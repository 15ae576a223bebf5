import { readFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
  optional?: boolean;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(ROOT, file), 'utf8')) as T;
}

describe('the Node version the project asks for', () => {
  it('is one every installed package accepts (no EBADENGINE on install)', async () => {
    const pkg = await readJson<{ engines: { node: string } }>('package.json');
    const oldest = semver.minVersion(pkg.engines.node);
    expect(oldest?.version).toBe('20.19.0');
    const lock = await readJson<{ packages: Record<string, LockEntry> }>('package-lock.json');
    const refusing = Object.entries(lock.packages)
      .filter(([where]) => where !== '')
      .flatMap(([where, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        if (range === undefined || !oldest) return [];
        return semver.satisfies(oldest, range, { includePrerelease: true })
          ? []
          : [`${where.replace(/^.*node_modules\//, '')}@${entry.version}: node ${range}`];
      });
    expect(refusing).toEqual([]);
  });

  it('is the one the README states', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('You need Node.js 20.19 or newer.');
  });
});
