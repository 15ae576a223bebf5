import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Node's lookup: node_modules/<name> in `fromDir` or the nearest folder above it. */
function findPackageDir(name: string, fromDir: string, rootDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === rootDir || dirname(dir) === dir) return null;
  }
}

/**
 * Every installed package the project's `dependencies` need at run time, transitively, as
 * paths relative to the project (e.g. 'node_modules/music-metadata'): what app.asar must hold.
 * Optional dependencies count when installed.
 */
export function productionDependencyDirs(projectDir: string): Set<string> {
  const found = new Set<string>();
  const visit = (packageDir: string) => {
    const pkg = readPackage(packageDir);
    const names = { ...pkg.optionalDependencies, ...pkg.dependencies };
    for (const name of Object.keys(names)) {
      const dir = findPackageDir(name, packageDir, projectDir);
      if (dir === null) {
        if (pkg.optionalDependencies?.[name] !== undefined) continue;
        throw new Error(`${pkg.name} needs ${name}, which is not installed`);
      }
      const relative = dir
        .slice(projectDir.length + 1)
        .split('\\')
        .join('/');
      if (found.has(relative)) continue;
      found.add(relative);
      visit(dir);
    }
  };
  visit(projectDir);
  return found;
}
