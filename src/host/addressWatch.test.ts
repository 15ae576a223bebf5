import { describe, expect, it } from 'vitest';
import { AddressWatch, addressesChanged, diffAddresses } from './addressWatch';

describe('diffAddresses', () => {
  it('says what came and went, whatever the order', () => {
    const diff = diffAddresses(
      ['10.0.0.7:8080', '192.168.1.20:8080'],
      ['192.168.1.20:8080', '10.0.0.9:8080'],
    );
    expect(diff).toEqual({ added: ['10.0.0.9:8080'], removed: ['10.0.0.7:8080'] });
    expect(addressesChanged(diff)).toBe(true);
  });

  it('sees no change in a reordered or repeated list', () => {
    const diff = diffAddresses(['a', 'b'], ['b', 'a', 'a']);
    expect(diff).toEqual({ added: [], removed: [] });
    expect(addressesChanged(diff)).toBe(false);
  });

  it('tells losing every address (Wi-Fi off) and getting one back', () => {
    expect(diffAddresses(['10.0.0.7:80'], [])).toEqual({ added: [], removed: ['10.0.0.7:80'] });
    expect(diffAddresses([], ['10.0.0.8:80'])).toEqual({ added: ['10.0.0.8:80'], removed: [] });
  });
});

describe('AddressWatch', () => {
  it('reports each change once, with the new set, and stops', async () => {
    let now = ['10.0.0.7:80'];
    const seen: string[][] = [];
    const watch = new AddressWatch(
      () => now,
      (addresses) => seen.push(addresses),
      10,
    );
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(seen).toEqual([]); // unchanged: nothing to say
    now = ['192.168.1.20:80'];
    await waitUntil(() => seen.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(seen).toEqual([['192.168.1.20:80']]);
    watch.stop();
    now = ['10.0.0.9:80'];
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(seen).toHaveLength(1);
  });
});

async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
}
