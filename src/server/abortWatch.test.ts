import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AbortWatch } from './abortWatch';

describe('AbortWatch', () => {
  it('reaches every item still registered when the signal aborts, with its reason', () => {
    const reached: Array<[string, unknown]> = [];
    const watch = new AbortWatch<string>((item, reason) => reached.push([item, reason]));
    const controller = new AbortController();
    watch.add(controller.signal, 'a');
    watch.add(controller.signal, 'b');
    watch.add(controller.signal, 'c');
    watch.delete(controller.signal, 'b');
    const reason = new Error('switched');
    controller.abort(reason);
    expect(reached).toEqual([
      ['a', reason],
      ['c', reason],
    ]);
    expect(watch.count(controller.signal)).toBe(0);
  });

  it('adds one abort listener per signal however many items come and go', () => {
    const watch = new AbortWatch<number>(() => {});
    const controller = new AbortController();
    for (let i = 0; i < 100; i++) {
      watch.add(controller.signal, i);
      watch.delete(controller.signal, i);
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    expect(watch.count(controller.signal)).toBe(0);
  });

  it('keeps the signals apart', () => {
    const reached: string[] = [];
    const watch = new AbortWatch<string>((item) => reached.push(item));
    const first = new AbortController();
    const second = new AbortController();
    watch.add(first.signal, 'first');
    watch.add(second.signal, 'second');
    first.abort();
    expect(reached).toEqual(['first']);
    expect(watch.count(second.signal)).toBe(1);
  });
});
