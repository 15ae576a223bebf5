import { describe, expect, it } from 'vitest';
import type { SongEntry } from '../library';
import { checkPlayRequest } from './playRequest';

const song = { id: 0, title: 'A', durationSeconds: 30 } as SongEntry;
const fields = (...texts: string[]) => ['play', ...texts].map((text) => Buffer.from(text));

describe('checkPlayRequest', () => {
  it('accepts an id with no, an empty, a zero or an in-range start', () => {
    for (const [start, seconds] of [
      [undefined, 0],
      ['', 0],
      ['0', 0],
      ['29.999', 29.999],
    ] as const) {
      const request = start === undefined ? fields('0') : fields('0', start);
      expect(checkPlayRequest(request, [song])).toEqual({ ok: true, song, startSeconds: seconds });
    }
  });

  it('refuses a start at or past the end, and non-decimal starts', () => {
    expect(checkPlayRequest(fields('0', '30'), [song])).toEqual({
      ok: false,
      message: 'start time 30 s is past the end of song 0 (30.000 s)',
    });
    for (const start of ['Infinity', '1e3', '-1', '.5']) {
      expect(checkPlayRequest(fields('0', start), [song])).toEqual({
        ok: false,
        message: `bad start time ${JSON.stringify(start)} for song 0`,
      });
    }
  });

  it('leaves the end check to the stream when the duration is unknown', () => {
    const unknown = { ...song, durationSeconds: null };
    expect(checkPlayRequest(fields('0', '999'), [unknown])).toMatchObject({ ok: true });
  });

  it('quotes an unknown id as UTF-8', () => {
    expect(checkPlayRequest(fields('ñ'), [song])).toEqual({
      ok: false,
      message: 'unknown song id "ñ"',
    });
    expect(checkPlayRequest(fields('7'), [song])).toEqual({
      ok: false,
      message: 'unknown song id 7',
    });
  });
});
