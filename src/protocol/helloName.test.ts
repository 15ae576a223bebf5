import { describe, expect, it } from 'vitest';
import { helloName, MAX_HELLO_NAME_BYTES } from './helloName';
import { clientMessages } from './messages';

describe('helloName', () => {
  it('turns control and direction characters into spaces and squeezes white space', () => {
    expect(helloName('  Ana\u001b[2J\r\n laptop\u202e \u0000')).toBe('Ana [2J laptop');
  });

  it('keeps delimiters from forming', () => {
    const name = helloName('<NEXT;><END;>me');
    expect(name).not.toMatch(/[<>]/);
    expect(clientMessages.hello('<END;>').toString()).toBe(
      'hello<NEXT;>\u2039END;\u203a<NEXT;><END;>',
    );
  });

  it('cuts at whole characters within the byte cap', () => {
    const name = helloName('é'.repeat(100)); // 2 bytes each
    expect(Buffer.byteLength(name)).toBe(MAX_HELLO_NAME_BYTES);
    expect(helloName('x'.repeat(127) + '🎵')).toBe('x'.repeat(127));
    expect(helloName('Kitchen radio')).toBe('Kitchen radio');
  });

  it('leaves nothing of a name that is only noise', () => {
    expect(helloName('\u0007\u0008 \t')).toBe('');
  });
});
