import { describe, expect, it } from 'vitest';
import { validateAccessCode, validateFoundLibraries } from './ipcValidation';

const ATTIC = {
  id: 'Attic._tidewave._tcp.local',
  name: 'Attic',
  addresses: ['192.168.1.20'],
  port: 8080,
  songCount: 12,
  accessCode: true,
};

describe('validateFoundLibraries (the list comes off the network)', () => {
  it('passes a well-formed list through', () => {
    expect(validateFoundLibraries([ATTIC])).toEqual([ATTIC]);
    expect(validateFoundLibraries([])).toEqual([]);
  });

  it('refuses what a hostile announcement or a buggy main could send', () => {
    expect(() => validateFoundLibraries({})).toThrow('found libraries');
    expect(() => validateFoundLibraries(Array(201).fill(ATTIC))).toThrow('at most 200');
    expect(() => validateFoundLibraries([{ ...ATTIC, port: 0 }])).toThrow('Invalid port');
    expect(() => validateFoundLibraries([{ ...ATTIC, addresses: ['a b'] }])).toThrow('host');
    expect(() => validateFoundLibraries([{ ...ATTIC, name: 'x'.repeat(300) }])).toThrow('name');
    expect(() => validateFoundLibraries([{ ...ATTIC, songCount: -1 }])).toThrow('songCount');
    expect(() => validateFoundLibraries([{ ...ATTIC, script: '<b>' }])).toThrow('unknown field');
  });
});

describe('validateAccessCode', () => {
  it('takes typed text, and an empty one only where it clears the code', () => {
    expect(validateAccessCode('cellar door 5')).toBe('cellar door 5');
    expect(() => validateAccessCode('  ')).toThrow('Invalid access code');
    expect(validateAccessCode('', { allowEmpty: true })).toBe('');
    expect(() => validateAccessCode('x'.repeat(1025))).toThrow('Invalid access code');
    expect(() => validateAccessCode(7)).toThrow('Invalid access code');
  });
});
