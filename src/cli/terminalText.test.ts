import { describe, expect, it } from 'vitest';
import { MAX_PRINTED_CHARS, terminalJson, terminalText } from './terminalText';

const ESC = '\u001b';
const BEL = '\u0007';

describe('terminalText', () => {
  it('leaves ordinary text alone, accents, CJK and emoji included', () => {
    const text = 'Déjà vu — 東京 🎵 <a> {b}';
    expect(terminalText(text)).toBe(text);
  });

  it('neutralises escape sequences: window title, clipboard (OSC 52), colours', () => {
    const hostile = `${ESC}]0;pwned${BEL}${ESC}]52;c;ZWNobyBoaQ==${BEL}${ESC}[31mred${ESC}[0m`;
    const safe = terminalText(hostile);
    // eslint-disable-next-line no-control-regex -- control characters are what this is about
    expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(safe).toBe('\ufffd]0;pwned\ufffd\ufffd]52;c;ZWNobyBoaQ==\ufffd\ufffd[31mred\ufffd[0m');
  });

  it('neutralises the one-character C1 forms of CSI and OSC, and DEL', () => {
    expect(terminalText('a\u009b2Jb\u009d0;x\u009cc\u007f')).toBe(
      'a\ufffd2Jb\ufffd0;x\ufffdc\ufffd',
    );
  });

  it('turns line breaks and tabs into spaces, so a title cannot start a new line', () => {
    expect(terminalText('one\ntwo\r\nthree\tfour\u2028five\u0085six')).toBe(
      'one two  three four five six',
    );
  });

  it('neutralises bidirectional overrides that reorder the rest of a line', () => {
    expect(terminalText('abc\u202edcba\u2066x\u2069')).toBe('abc\ufffddcba\ufffdx\ufffd');
  });

  it('keeps the length of text it does not cut, so tables stay aligned', () => {
    const text = `${ESC}[2J${BEL}\n\t\u009b`;
    expect(terminalText(text)).toHaveLength(text.length);
  });

  it('cuts a huge text and says how much was left out', () => {
    const huge = 'x'.repeat(15_000_000);
    const shown = terminalText(huge);
    expect(shown).toBe(
      `${'x'.repeat(MAX_PRINTED_CHARS)}… (${15_000_000 - MAX_PRINTED_CHARS} more characters)`,
    );
  });

  it('does not cut a surrogate pair in half', () => {
    const text = `${'x'.repeat(9)}🎵tail`;
    expect(terminalText(text, 10)).toBe(`${'x'.repeat(9)}… (6 more characters)`);
  });
});

describe('terminalJson', () => {
  it('escapes every control character and still parses to the same value', () => {
    const value = { title: `a${ESC}]52;c;eA==${BEL}\u009b\u007f\u2028\u202e`, n: 1 };
    const json = terminalJson(value);
    // eslint-disable-next-line no-control-regex -- control characters are what this is about
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
