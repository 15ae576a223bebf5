import { describe, expect, it } from 'vitest';
import { PushedSinceLoad } from './pushedSinceLoad';

function later<T>(): { promise: Promise<T>; answer: (value: T) => void } {
  let answer: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => (answer = resolve));
  return { promise, answer };
}

describe('PushedSinceLoad', () => {
  it("applies a read's answer when no push came while it was on its way", async () => {
    const order = new PushedSinceLoad();
    const shown: string[] = [];
    await order.load(
      async () => 'read',
      (value) => shown.push(value),
    );
    expect(shown).toEqual(['read']);
  });

  it('drops the answer of a read that a push overtook', async () => {
    const order = new PushedSinceLoad();
    const shown: string[] = [];
    const read = later<string>();
    const loading = order.load(
      () => read.promise,
      (value) => shown.push(value),
    );
    order.pushed();
    shown.push('pushed');
    read.answer('stale read');
    await loading;
    expect(shown).toEqual(['pushed']);
    // A later read, with no push during it, applies again.
    await order.load(
      async () => 'fresh read',
      (value) => shown.push(value),
    );
    expect(shown).toEqual(['pushed', 'fresh read']);
  });
});
