/**
 * Finds the modules a built (unminified) JavaScript file refers to: static imports and
 * re-exports, dynamic import() and require() of string literals, and
 * `new URL('…', import.meta.url)` or `join(import.meta.dirname, '…')` (how bundles point at
 * worker files and assets).
 */

export type ReferenceKind = 'import' | 'dynamic-import' | 'require' | 'url' | 'path';

export interface ModuleReference {
  kind: ReferenceKind;
  specifier: string;
}

const PATTERNS: ReadonlyArray<[ReferenceKind, RegExp]> = [
  // Statements at the start of a line, as bundlers print them, so text inside strings is skipped.
  ['import', /^\s*import\s+(?:[\w$*{}\s,]+?\s+from\s+)?["']([^"'\n]+)["']/gm],
  ['import', /^\s*export\s+(?:\*|\{[^}]*\})\s*(?:as\s+[\w$]+\s+)?from\s+["']([^"'\n]+)["']/gm],
  ['dynamic-import', /\bimport\(\s*["']([^"'\n]+)["']\s*\)/g],
  ['require', /\brequire\(\s*["']([^"'\n]+)["']\s*\)/g],
  ['url', /\bnew\s+URL\(\s*["']([^"'\n]+)["']\s*,\s*import\.meta\.url\s*\)/g],
  // join(import.meta.dirname, './chunks/worker.js'): electron-vite's `?modulePath` imports.
  ['path', /\b(?:import\.meta\.dirname|__dirname)\s*,\s*["'](\.{1,2}\/[^"'\n]+)["']/g],
];

export function findModuleReferences(code: string): ModuleReference[] {
  const found: ModuleReference[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of code.matchAll(pattern)) found.push({ kind, specifier: match[1] });
  }
  return found;
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** 'music-metadata/lib/core' → 'music-metadata'; '@scope/pkg/x' → '@scope/pkg'. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
