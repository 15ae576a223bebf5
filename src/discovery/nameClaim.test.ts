import { describe, expect, it } from 'vitest';
import { candidateName, serviceFqdn } from './nameClaim';

describe('candidateName', () => {
  it('tries the name, then "Name (2)", "Name (3)"', () => {
    expect([1, 2, 3, 10].map((attempt) => candidateName('Attic', attempt))).toEqual([
      'Attic',
      'Attic (2)',
      'Attic (3)',
      'Attic (10)',
    ]);
  });

  it('shortens a long name so the number still fits one 63-byte DNS label', () => {
    const long = 'ü'.repeat(40); // 80 bytes
    const second = candidateName(long, 2);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(Buffer.byteLength(second, 'utf8')).toBeLessThanOrEqual(63);
    expect(second).toBe(`${'ü'.repeat(29)} (2)`);
    expect(Buffer.byteLength(candidateName(long, 1), 'utf8')).toBeLessThanOrEqual(63);
  });
});

describe('serviceFqdn', () => {
  it('names the instance as bonjour-service does', () => {
    expect(serviceFqdn('Attic (2)', 'tidewave')).toBe('Attic (2)._tidewave._tcp.local');
  });
});
