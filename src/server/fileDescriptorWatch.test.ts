import { describe, expect, it } from 'vitest';
import { FileDescriptorWatch, probeFileDescriptors } from './fileDescriptorWatch';
import { readOpenFileLimit } from './openFileLimit';

describe('FileDescriptorWatch', () => {
  it('reports each change of state once', () => {
    const results: Array<'EMFILE' | null> = [null, 'EMFILE', 'EMFILE', null, null];
    const reports: Array<string | null> = [];
    const watch = new FileDescriptorWatch(
      (code) => reports.push(code),
      1_000,
      () => results.shift() ?? null,
    );
    for (let i = 0; i < 5; i++) watch.check();
    expect(reports).toEqual(['EMFILE', null]);
  });

  it('finds descriptors available in this process', () => {
    expect(probeFileDescriptors()).toBe(null);
  });
});

describe('readOpenFileLimit', () => {
  it('reads the soft limit from /proc/self/limits text', () => {
    const text = [
      'Limit                     Soft Limit           Hard Limit           Units',
      'Max open files            1024                 4096                 files',
    ].join('\n');
    expect(readOpenFileLimit(text)).toBe(1024);
    expect(readOpenFileLimit(text.replace('1024', 'unlimited'))).toBe(null);
    expect(readOpenFileLimit(null)).toBe(null);
  });
});
