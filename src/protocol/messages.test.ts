import { describe, expect, it } from 'vitest';
import { clientMessages, parseSongId, parseStartSeconds, serverMessages } from './messages';
import { DelimiterInFieldError, encodePacket } from './packetEncoder';

describe('messages', () => {
  it('spells client packets exactly as the seed', () => {
    expect(clientMessages.list().toString()).toBe('list<NEXT;><END;>');
    expect(clientMessages.list(true).toString()).toBe('list<NEXT;>meta<NEXT;><END;>');
    expect(clientMessages.play(3).toString()).toBe('play<NEXT;>3<NEXT;><END;>');
    expect(clientMessages.play(3, 42.5).toString()).toBe('play<NEXT;>3<NEXT;>42.5<NEXT;><END;>');
    expect(clientMessages.stop().toString()).toBe('stop<NEXT;><END;>');
    expect(clientMessages.quit().toString()).toBe('quit<NEXT;><END;>');
  });

  it('spells server packets', () => {
    expect(serverMessages.list('{sid: 0 title: a}').toString()).toBe(
      'list<NEXT;>{sid: 0 title: a}<NEXT;><END;>',
    );
    expect(serverMessages.endOfSong().toString()).toBe('play<NEXT;><END;>');
    expect(serverMessages.error('bad <END;> id').toString()).toBe(
      'error<NEXT;>bad \u2039END;\u203a id<NEXT;><END;>',
    );
  });

  it('refuses a field that holds a delimiter', () => {
    expect(() => encodePacket(['play', Buffer.from('x<NEXT;>y')])).toThrow(DelimiterInFieldError);
  });

  it('parses ids and start positions strictly', () => {
    expect(parseSongId(Buffer.from('12'))).toBe(12);
    expect(parseSongId(Buffer.from('-1'))).toBeNull();
    expect(parseSongId(Buffer.from('1e3'))).toBeNull();
    expect(parseSongId(undefined)).toBeNull();
    expect(parseStartSeconds(Buffer.from('42.5'))).toBe(42.5);
    expect(parseStartSeconds(Buffer.from('abc'))).toBe(0);
    expect(parseStartSeconds(undefined)).toBe(0);
  });
});
