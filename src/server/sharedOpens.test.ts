import { describe, expect, it } from 'vitest';
import { SharedOpens } from './sharedOpens';

/** Opens that the test settles by hand, and a record of what was opened and closed. */
function fakeOpens() {
  const opened: string[] = [];
  const closed: string[] = [];
  const pending: Array<{ resolve: (value: string) => void; reject: (error: Error) => void }> = [];
  let serial = 0;
  const opens = new SharedOpens<string>(
    (key) =>
      new Promise<string>((resolve, reject) => {
        opened.push(key);
        const value = `${key}#${++serial}`;
        pending.push({ resolve: () => resolve(value), reject });
      }),
    async (value) => {
      closed.push(value);
    },
  );
  return { opens, opened, closed, pending };
}

describe('SharedOpens', () => {
  it('gives opens that ask while one is under way that one, and closes it after the last release', async () => {
    const { opens, opened, closed, pending } = fakeOpens();
    const asks = [opens.acquire('a'), opens.acquire('a'), opens.acquire('a')];
    expect(opened).toEqual(['a']);
    expect(opens.opening).toBe(1);
    pending[0].resolve('');
    const held = await Promise.all(asks);
    expect(held.map((h) => h.value)).toEqual(['a#1', 'a#1', 'a#1']);
    expect(opens.opening).toBe(0);
    await held[0].release();
    await held[1].release();
    expect(closed).toEqual([]);
    await held[2].release();
    expect(closed).toEqual(['a#1']);
  });

  it('opens anew once an open is done, even while its value is still held', async () => {
    const { opens, opened, closed, pending } = fakeOpens();
    const first = opens.acquire('a');
    pending[0].resolve('');
    const held = await first;
    const second = opens.acquire('a');
    expect(opened).toEqual(['a', 'a']);
    pending[1].resolve('');
    const later = await second;
    expect(later.value).toBe('a#2');
    await held.release();
    expect(closed).toEqual(['a#1']);
    await later.release();
    expect(closed).toEqual(['a#1', 'a#2']);
  });

  it('opens distinct keys apart', async () => {
    const { opens, opened, pending } = fakeOpens();
    const asks = [opens.acquire('a'), opens.acquire('b')];
    expect(opened).toEqual(['a', 'b']);
    for (const open of pending) open.resolve('');
    expect((await Promise.all(asks)).map((h) => h.value)).toEqual(['a#1', 'b#2']);
  });

  it('fails every holder of a failed open, closes nothing, and opens anew after', async () => {
    const { opens, opened, closed, pending } = fakeOpens();
    const asks = [opens.acquire('a'), opens.acquire('a')];
    pending[0].reject(new Error('refused'));
    for (const ask of asks) await expect(ask).rejects.toThrow('refused');
    expect(closed).toEqual([]);
    const again = opens.acquire('a');
    expect(opened).toEqual(['a', 'a']);
    pending[1].resolve('');
    expect((await again).value).toBe('a#2');
  });

  it('counts a release once, however often it is called', async () => {
    const { opens, closed, pending } = fakeOpens();
    const asks = [opens.acquire('a'), opens.acquire('a')];
    pending[0].resolve('');
    const [one, two] = await Promise.all(asks);
    await one.release();
    await one.release();
    expect(closed).toEqual([]);
    await two.release();
    expect(closed).toEqual(['a#1']);
  });
});
